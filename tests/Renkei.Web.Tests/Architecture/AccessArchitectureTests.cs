using Renkei.Testing;

namespace Renkei.Web.Tests.Architecture;

/// <summary>
/// Access control by construction: restricted tables are read only inside <c>Access/</c>, where
/// the one access policy decides what a caller may see, and web code never touches the database
/// context. The few places that must read past the policy — system jobs that act for nobody, and
/// writes that re-read what they change — are listed here with the reason, so a new one is a
/// decision someone writes down, not an accident.
/// </summary>
public sealed class AccessArchitectureTests
{
    /// <summary>Entities whose rows are not the community directory: someone may not see them.</summary>
    internal static readonly HashSet<string> Restricted =
    [
        "Renkei.Directory.PointOfContact",
        "Renkei.Directory.CommunityMembership",
        "Renkei.Directory.CeptoarRecipient",
        "Renkei.Identity.RenkeiUser",
        "Renkei.Identity.ApiToken",
        "Renkei.Audit.AuditEvent",
        "Renkei.Access.Audience",
        "Renkei.Access.AudienceMember",
        "Renkei.Notices.Notice",
        "Renkei.Reports.Report",
        "Renkei.Reports.ReportVersion",
        "Renkei.Reports.ReportHop",
        "Renkei.Reports.ReportAssessment",
        "Renkei.Reports.ReportMessage",
        "Renkei.Reports.ReportAttachment",
        "Renkei.Reports.Incident",
        "Renkei.Reports.IncidentReport",
        "Renkei.Notifications.NotificationEvent",
        "Renkei.Notifications.Notification",
        "Renkei.Notifications.OutboundEmail",
        "Renkei.Advisories.Advisory",
        "Renkei.Advisories.AdvisoryRevision",
        "Renkei.Advisories.AdvisoryDelivery",
        "Renkei.Webhooks.WebhookSubscription",
        "Renkei.Webhooks.OutboundWebhook",
        "Renkei.ContactChecks.ContactCheck",
        "Renkei.ContactChecks.ContactCheckRound",
        "Renkei.ContactChecks.ContactCheckTarget",
        "Renkei.Interdependency.Scenarios.AnalysisScenario",
        "Renkei.Interdependency.Scenarios.AnalysisRun",
        "Renkei.Stix.StixObjectRecord",
        "Renkei.Stix.StixCollectionEntry",
        "Renkei.Stix.IndicatorSet",
        "Renkei.Taxii.TaxiiStatus",
        "Renkei.Taxii.Feeds.TaxiiFeed",
        "Renkei.Taxii.Feeds.TaxiiFeedRun",
        "Renkei.Correlation.IndicatorOccurrence",
        "Renkei.Presets.ContentPreset",
        "Renkei.Assessments.AssessmentCampaign",
        "Renkei.Assessments.AssessmentResponse",
        "Renkei.Assessments.AssessmentAnswer",
        "Renkei.Assessments.AssessmentAnswerKey",
        "Renkei.Assessments.AssessmentCellCount",
        "Renkei.Assessments.AssessmentAnswerChange",
        "Renkei.Assessments.AssessmentGoodPractice",
        "Renkei.Assessments.AssessmentEvidence",
        "Renkei.Standards.SafetyStandard",
        "Renkei.Standards.SafetyStandardRelation",
        "Renkei.Guideline.GuidelineCoverage",
    ];

    /// <summary>Files outside Access/ that read restricted tables, and why they may.</summary>
    internal static readonly Dictionary<string, string> CoreAllowed = new()
    {
        ["src/Renkei.Core/Advisories/AdvisoryEscalation.cs"] = "System job: escalates unacknowledged deliveries for nobody in particular.",
        ["src/Renkei.Core/Advisories/AdvisoryNotifications.cs"] = "System job: words each recipient's notification, then checks each with the recipient's own policy view.",
        ["src/Renkei.Core/Assessments/AssessmentNotifications.cs"] = "System job: words a campaign's opening and reminders to the members of its audience's organisations.",
        ["src/Renkei.Core/ContactChecks/ContactCheckNotifications.cs"] = "System job: sends a round's messages to the targets' points of contact.",
        ["src/Renkei.Core/Notifications/NotificationDispatcher.cs"] = "System job: fans notification events out to the users they concern.",
        ["src/Renkei.Core/Reports/ReportNotifications.cs"] = "System job: finds a report's recipients; each notification is worded from that user's ReportQueries view.",
        ["src/Renkei.Core/Correlation/CorrelationBackfill.cs"] = "System job: builds the indicator index from every source once per rules version.",
        ["src/Renkei.Core/Correlation/IndicatorOccurrences.cs"] = "Write: keeps the indicator index of a source in step with its content.",
        ["src/Renkei.Core/Stix/Export/AdvisoryStixBackfill.cs"] = "System job: exports published advisories to STIX once.",
        ["src/Renkei.Core/Stix/Export/StixExporter.cs"] = "Write: exports an advisory's revision as STIX objects when it is published.",
        ["src/Renkei.Core/Stix/StixImporter.cs"] = "Write: an import compares with what the caller's collection already holds.",
        ["src/Renkei.Core/Stix/StixImporter.Feeds.cs"] = "Write: a feed batch is imported for the feed's owner.",
        ["src/Renkei.Core/Stix/StixStore.cs"] = "Write: the object store appends versions and keeps latest/first flags.",
        ["src/Renkei.Core/Taxii/Feeds/TaxiiFeedPuller.cs"] = "System job: pulls partner feeds on schedule.",
        ["src/Renkei.Core/Audit/AuditChain.cs"] = "Write: the hash chain reads its last link to append the next.",
        ["src/Renkei.Core/Audit/AuditVerifier.cs"] = "System job: verifies the whole hash chain (CLI and health).",
        ["src/Renkei.Core/Standards/SafetyStandardSeeder.cs"] = "System job: loads the seeded safety-standards lists at start-up (never internal rules).",
        ["src/Renkei.Core/Identity/AdminBootstrap.cs"] = "System job: creates the first platform administrator at start-up.",
        ["src/Renkei.Core/Notifications/MailOutbox.cs"] = "System job: leases and sends the e-mail outbox for every recipient.",
        ["src/Renkei.Core/Webhooks/WebhookOutbox.cs"] = "System job: leases and makes the webhook outbox's calls for every subscription.",
        ["src/Renkei.Core/Webhooks/WebhookService.cs"] = "Write and outbox: subscriptions are the owner's to change; deliveries are leased by the worker.",
        ["src/Renkei.Core/Advisories/AdvisoryRelay.cs"] = "Write: relaying checks and creates deliveries of the holder's advisory.",
        ["src/Renkei.Core/Advisories/AdvisoryService.cs"] = "Write: publishing creates deliveries; a recipient's first read and own receipt are written on read.",
        ["src/Renkei.Core/ContactChecks/ContactCheckService.cs"] = "Write: the issuer starts and closes its checks.",
        ["src/Renkei.Core/ContactChecks/ContactCheckRounds.cs"] = "Write: a round addresses the check's targets.",
        ["src/Renkei.Core/ContactChecks/ContactCheckConfirmations.cs"] = "Write: a confirmation link carries its own secret; the target it names is updated.",
        ["src/Renkei.Core/Directory/OrganisationService.cs"] = "Write: directory administration (Permissions).",
        ["src/Renkei.Core/Directory/MembershipService.cs"] = "Write: directory administration (Permissions).",
        ["src/Renkei.Core/Directory/Csv/OrganisationCsv.cs"] = "Write: directory import compares with existing contacts.",
        ["src/Renkei.Core/Directory/Csv/UserCsv.cs"] = "Write: user import compares with existing accounts.",
        ["src/Renkei.Core/Identity/ApiTokenService.cs"] = "Write and authentication: issuing tokens, and finding a bearer's token before there is a caller (revoking goes through AccessPolicy.ApiTokens).",
        ["src/Renkei.Core/Identity/UserAdminService.cs"] = "Write: account administration (Permissions).",
        ["src/Renkei.Core/Reports/ReportService.cs"] = "Write: filing and updating a report numbers its versions.",
        ["src/Renkei.Core/Reports/ReportAssessor.cs"] = "Write: an assessment is numbered; re-evaluation after a rules change is an administrator's job over every report.",
        ["src/Renkei.Core/Taxii/Feeds/TaxiiFeedService.cs"] = "Write: feed administration by its owner.",
    };

    /// <summary>Web files that use the database context, and why.</summary>
    internal static readonly Dictionary<string, string> WebAllowed = new()
    {
        ["src/Renkei.Web/Health/HealthEndpoints.cs"] = "Probes the database connection and schema version; reads no table.",
        ["src/Renkei.Web/Identity/AuthenticationSetup.cs"] = "Authentication runs before there is a caller: cookie and token validation.",
    };

    [Fact]
    public void RestrictedTables_AreReadOnlyThroughTheAccessPolicy()
    {
        var root = RepositoryFiles.Root;
        var compilation = SourceScanner.Compile(RepositoryFiles.Path("src", "Renkei.Core"), "Renkei.Core", "Renkei.Web", "Renkei.Cli");
        var violations = SourceScanner.RestrictedReads(compilation, Restricted, root)
            .Where(v => !v.File.StartsWith("src/Renkei.Core/Access/", StringComparison.Ordinal))
            .ToList();
        var unexpected = violations.Where(v => !CoreAllowed.ContainsKey(v.File)).ToList();
        unexpected.ShouldBeEmpty("restricted tables read outside Access/:\n" + string.Join('\n', unexpected));
        var stale = CoreAllowed.Keys.Except(violations.Select(v => v.File)).ToList();
        stale.ShouldBeEmpty("allow-listed files that no longer read restricted tables (take them off the list)");
    }

    [Fact]
    public void WebFiles_DoNotTouchTheDatabaseContext()
    {
        var root = RepositoryFiles.Root;
        var compilation = SourceScanner.Compile(RepositoryFiles.Path("src", "Renkei.Web"), "Renkei.Web", "Renkei.Cli");
        var uses = SourceScanner.ContextUses(compilation, root).ToList();
        var unexpected = uses.Where(v => !WebAllowed.ContainsKey(v.File)).ToList();
        unexpected.ShouldBeEmpty("web files using RenkeiDbContext:\n" + string.Join('\n', unexpected));
        var stale = WebAllowed.Keys.Except(uses.Select(v => v.File)).ToList();
        stale.ShouldBeEmpty("allow-listed web files that no longer use the context (take them off the list)");
    }

    /// <summary>The visible-record handles are proof that the policy was asked: only Access/ makes them.</summary>
    [Fact]
    public void VisibleRecordHandles_AreMadeOnlyInsideAccess()
    {
        var root = RepositoryFiles.Root;
        var handles = new HashSet<string> { "Renkei.Access.VisibleReport", "Renkei.Access.VisibleAdvisory", "Renkei.Access.VisibleIndicatorSet", "Renkei.Access.VisibleContactCheck" };
        var made = new[] { ("Renkei.Core", new[] { "Renkei.Core", "Renkei.Web", "Renkei.Cli" }), ("Renkei.Web", new[] { "Renkei.Web", "Renkei.Cli" }) }
            .SelectMany(p => SourceScanner.Constructions(SourceScanner.Compile(RepositoryFiles.Path("src", p.Item1), p.Item2), handles, root))
            .ToList();
        made.ShouldNotBeEmpty("the policy makes the handles: the scanner must find that");
        made.Where(v => !v.File.StartsWith("src/Renkei.Core/Access/", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    /// <summary>The scanner itself: a direct read is found however it is spelt; a write is not a read.</summary>
    [Fact]
    public void Scanner_FindsDirectReads_ThroughAliasesAndSet_ButNotWrites()
    {
        const string source = """
            using System.Linq;
            using Renkei.Storage;
            using Renkei.Reports;
            class Sneaky
            {
                void Read(RenkeiDbContext db, Report r)
                {
                    var a = db.Reports.Where(x => x.Title == "").ToList();
                    var alias = db;
                    var b = alias.ReportMessages.Count();
                    var c = db.Set<ReportVersion>().Count();
                    db.Reports.Add(r);
                    var d = db.Organisations.Count();
                }
            }
            """;
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source, path: Path.Combine(RepositoryFiles.Root, "src", "Sneaky.cs"));
        var compilation = SourceScanner.Compile([tree]);
        compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ShouldBeEmpty();
        var found = SourceScanner.RestrictedReads(compilation, Restricted, RepositoryFiles.Root).Select(v => (v.Line, v.What)).ToList();
        found.ShouldBe([
            (8, "reads Renkei.Reports.Report directly"),
            (10, "reads Renkei.Reports.ReportMessage directly"),
            (11, "reads Renkei.Reports.ReportVersion directly"),
        ]);
    }
}
