using System.Collections.Frozen;

namespace Renkei.Stix.Validation;

/// <summary>
/// The target types the spec fixes for reference properties (the "Embedded Relationships" tables of
/// §4–§7 and the SCO property descriptions of §6). A <c>*_ref</c>/<c>*_refs</c> property not listed
/// here (a custom one, or one whose target the spec leaves open) only has to hold valid identifiers.
/// </summary>
internal static class ReferenceRules
{
    private const string AnyType = "*";

    private static readonly RefTarget Software = RefTarget.Only("software");
    private static readonly RefTarget Address = RefTarget.Only("ipv4-addr", "ipv6-addr", "mac-addr", "domain-name");
    private static readonly RefTarget UserAccount = RefTarget.Only("user-account");
    private static readonly RefTarget Artifact = RefTarget.Only("artifact");
    private static readonly RefTarget NetworkTraffic = RefTarget.Only("network-traffic");
    private static readonly RefTarget EmailAddress = RefTarget.Only("email-addr");

    private static readonly FrozenDictionary<(string Type, string Property), RefTarget> Rules = new Dictionary<(string, string), RefTarget>
    {
        // §3.2 common properties, on every object that has them.
        [(AnyType, "created_by_ref")] = RefTarget.Only("identity"),
        [(AnyType, "object_marking_refs")] = RefTarget.Only("marking-definition"),
        // §4 SDOs.
        [("grouping", "object_refs")] = RefTarget.Any,
        [("note", "object_refs")] = RefTarget.Any,
        [("opinion", "object_refs")] = RefTarget.Any,
        [("report", "object_refs")] = RefTarget.Any,
        [("observed-data", "object_refs")] = RefTarget.ScoOrSro,
        [("malware", "operating_system_refs")] = Software,
        [("malware", "sample_refs")] = RefTarget.Only("file", "artifact"),
        [("malware-analysis", "host_vm_ref")] = Software,
        [("malware-analysis", "operating_system_ref")] = Software,
        [("malware-analysis", "installed_software_refs")] = Software,
        [("malware-analysis", "analysis_sco_refs")] = RefTarget.Sco,
        [("malware-analysis", "sample_ref")] = RefTarget.Only("file", "network-traffic", "artifact"),
        // §5 SROs.
        [("relationship", "source_ref")] = RefTarget.SdoOrSco,
        [("relationship", "target_ref")] = RefTarget.SdoOrSco,
        [("sighting", "sighting_of_ref")] = RefTarget.Sdo,
        [("sighting", "observed_data_refs")] = RefTarget.Only("observed-data"),
        [("sighting", "where_sighted_refs")] = RefTarget.Only("identity", "location"),
        // §7 meta objects.
        [("language-content", "object_ref")] = RefTarget.Any,
        // §6 SCOs.
        [("directory", "contains_refs")] = RefTarget.Only("file", "directory"),
        [("domain-name", "resolves_to_refs")] = RefTarget.Only("ipv4-addr", "ipv6-addr", "domain-name"),
        [("email-addr", "belongs_to_ref")] = UserAccount,
        [("email-message", "from_ref")] = EmailAddress,
        [("email-message", "sender_ref")] = EmailAddress,
        [("email-message", "to_refs")] = EmailAddress,
        [("email-message", "cc_refs")] = EmailAddress,
        [("email-message", "bcc_refs")] = EmailAddress,
        [("email-message", "raw_email_ref")] = Artifact,
        [("file", "parent_directory_ref")] = RefTarget.Only("directory"),
        [("file", "contains_refs")] = RefTarget.Sco,
        [("file", "content_ref")] = Artifact,
        [("ipv4-addr", "resolves_to_refs")] = RefTarget.Only("mac-addr"),
        [("ipv4-addr", "belongs_to_refs")] = RefTarget.Only("autonomous-system"),
        [("ipv6-addr", "resolves_to_refs")] = RefTarget.Only("mac-addr"),
        [("ipv6-addr", "belongs_to_refs")] = RefTarget.Only("autonomous-system"),
        [("network-traffic", "src_ref")] = Address,
        [("network-traffic", "dst_ref")] = Address,
        [("network-traffic", "src_payload_ref")] = Artifact,
        [("network-traffic", "dst_payload_ref")] = Artifact,
        [("network-traffic", "encapsulates_refs")] = NetworkTraffic,
        [("network-traffic", "encapsulated_by_ref")] = NetworkTraffic,
        [("process", "opened_connection_refs")] = NetworkTraffic,
        [("process", "creator_user_ref")] = UserAccount,
        [("process", "image_ref")] = RefTarget.Only("file"),
        [("process", "parent_ref")] = RefTarget.Only("process"),
        [("process", "child_refs")] = RefTarget.Only("process"),
        [("windows-registry-key", "creator_user_ref")] = UserAccount,
    }.ToFrozenDictionary();

    /// <summary>The rule for a property of an object type; <see cref="RefTarget.Any"/> when the spec fixes none.</summary>
    public static RefTarget For(string type, string property) =>
        Rules.TryGetValue((type, property), out var rule) || Rules.TryGetValue((AnyType, property), out rule) ? rule : RefTarget.Any;
}
