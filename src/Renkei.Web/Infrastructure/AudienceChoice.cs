using Microsoft.Extensions.Localization;
using Renkei.Access;
using Renkei.Directory;

namespace Renkei.Web.Infrastructure;

/// <summary>One audience a form offers: the posted value ("kind:key") and, where it has them, its names.</summary>
/// <remarks>The caller's own organisation and the caller alone carry no names: they are labelled as such.</remarks>
public sealed record AudienceChoice(string Value, AudienceKind Kind, string Key, string? NameJa = null, string? NameEn = null)
{
    /// <summary>
    /// The circles an organisation shares indicators with on its own: itself, its CEPTOARs and its
    /// communities (what the importer's sharing remit allows without an advisory remit), named from
    /// the directory as the caller may read it; a code it does not name stays a code.
    /// </summary>
    public static async Task<List<AudienceChoice>> PeersAsync(DirectoryQueries directory, Caller caller, CancellationToken ct)
    {
        var ceptoars = (await directory.CeptoarsAsync(caller, null, ct)).ToDictionary(c => c.Code, c => (c.NameJa, c.NameEn));
        var communities = (await directory.CommunitiesAsync(caller, ct)).ToDictionary(c => c.Code, c => (c.NameJa, c.NameEn));
        return
        [
            new(AudienceEntry.Format(AudienceKind.Organisation, caller.OrganisationId.ToString("D")), AudienceKind.Organisation, ""),
            .. caller.CeptoarCodes.Select(c => Named(AudienceKind.Ceptoar, c, ceptoars)),
            .. caller.CommunityCodes.Select(c => Named(AudienceKind.Community, c, communities)),
        ];
    }

    /// <summary>The caller alone (TLP:RED to a named person).</summary>
    public static AudienceChoice Me(Caller caller) => new(AudienceEntry.Format(AudienceKind.User, caller.UserId.ToString("D")), AudienceKind.User, "");

    public string Label(IStringLocalizer l) => (Kind, NameJa) switch
    {
        (AudienceKind.Organisation, null) => l["Stix.Audience.OwnOrganisation"].Value,
        (AudienceKind.User, null) => l["Stix.Audience.Me"].Value,
        _ => l["Audience." + Common.EnumText.ToText(Kind)].Value + ": " + (NameJa is null ? Key : Ui.Name(NameJa, NameEn)),
    };

    private static AudienceChoice Named(AudienceKind kind, string code, Dictionary<string, (string Ja, string En)> names) =>
        names.TryGetValue(code, out var name) ? new(AudienceEntry.Format(kind, code), kind, code, name.Ja, name.En) : new(AudienceEntry.Format(kind, code), kind, code);
}
