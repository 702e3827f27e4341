using System.Text.RegularExpressions;
using Renkei.Common;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Tests.Infrastructure;

/// <summary>Every string the UI and the services show exists in Japanese and English.</summary>
public sealed partial class LocalisationTests
{
    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Renkei.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    private static IEnumerable<string> Sources(string project, params string[] patterns) =>
        patterns.SelectMany(p => System.IO.Directory.EnumerateFiles(Path.Combine(RepoRoot(), "src", project), p, SearchOption.AllDirectories))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));

    [Fact]
    public void EveryUiKey_HasJapaneseAndEnglish()
    {
        var catalog = new StringCatalog();
        var keys = Sources("Renkei.Web", "*.cshtml", "*.cs")
            .SelectMany(f => UiKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(k => !k.EndsWith('.'))
            .Distinct()
            .ToList();
        keys.Count.ShouldBeGreaterThan(200);
        var missing = keys.Where(k => catalog.Find(k, "ja") is null || catalog.Find(k, "en") is null).ToList();
        missing.ShouldBeEmpty();
    }

    [Fact]
    public void EveryCatalogEntry_HasBothLanguagesAndNoEmptyText()
    {
        var catalog = new StringCatalog();
        var incomplete = catalog.Keys.Where(k => string.IsNullOrWhiteSpace(catalog.Find(k, "ja")) || string.IsNullOrWhiteSpace(catalog.Find(k, "en"))).ToList();
        incomplete.ShouldBeEmpty();
    }

    [Fact]
    public void EnumLabels_ExistForEveryValue()
    {
        var catalog = new StringCatalog();
        var missing = new List<string>();
        void Check<T>() where T : struct, Enum => missing.AddRange(EnumText.Values<T>().Select(v => $"Enum.{typeof(T).Name}.{v}").Where(k => catalog.Find(k, "ja") is null));
        Check<Renkei.Directory.OrganisationKind>();
        Check<Renkei.Directory.ContactPriority>();
        Check<Renkei.Directory.MembershipRole>();
        Check<Renkei.Directory.CommunityKind>();
        Check<Renkei.Directory.RecipientSelection>();
        Check<Renkei.Identity.Role>();
        Check<Renkei.Reports.ReportKind>();
        Check<Renkei.Reports.ReportState>();
        Check<Renkei.Reports.ReportStage>();
        Check<Renkei.Reports.ReportRoute>();
        Check<Renkei.Reports.HopRole>();
        Check<Renkei.Reports.AffectedSystem>();
        Check<Renkei.Indicators.IndicatorType>();
        Check<Renkei.Reports.ClockStatus>();
        Check<Renkei.Reports.MessageSide>();
        Check<Renkei.Reports.IncidentState>();
        Check<Renkei.Reports.FactAnswer>();
        Check<Renkei.Advisories.AdvisoryKind>();
        Check<Renkei.Advisories.AdvisoryUrgency>();
        Check<Renkei.Advisories.AdvisoryDistribution>();
        Check<Renkei.Advisories.RelayState>();
        Check<Renkei.Advisories.RelayStage>();
        Check<Renkei.Advisories.AdvisoryState>();
        Check<Renkei.Advisories.AdvisoryResponse>();
        Check<Renkei.ContactChecks.ContactCheckSchedule>();
        Check<Renkei.ContactChecks.ConfirmationChannel>();
        Check<Renkei.Stix.StixChannel>();
        Check<Renkei.Taxii.Feeds.TaxiiFeedAuth>();
        Check<Renkei.Taxii.Feeds.TaxiiFeedRunOutcome>();
        Check<Renkei.Guideline.RevisionKind>();
        Check<Renkei.Assessments.ItemClassification>();
        Check<Renkei.Guideline.SectorItemStatus>();
        Check<Renkei.Assessments.CampaignState>();
        Check<Renkei.Assessments.ResponseState>();
        Check<Renkei.Assessments.FrameworkKind>();
        Check<Renkei.Assessments.GoodPracticeState>();
        Check<Renkei.Standards.StandardKind>();
        Check<Renkei.Standards.StandardStatus>();
        // The standards pages name a relation by its direction; the answer pages name yes/no/partly.
        missing.AddRange(EnumText.Values<Renkei.Standards.StandardRelationKind>().SelectMany(v => new[] { "Standards.RelationOut." + v, "Standards.RelationIn." + v }).Where(k => catalog.Find(k, "ja") is null));
        missing.AddRange(new[] { "yes", "no", "partly" }.Select(v => "Assessments.Answer." + v).Where(k => catalog.Find(k, "ja") is null));
        // Keys the report pages build from data: route and stage explanations, severity levels, timeline events.
        missing.AddRange(EnumText.Values<Renkei.Reports.ReportRoute>().Select(v => "Report.RouteExplain." + v).Where(k => catalog.Find(k, "ja") is null));
        missing.AddRange(new[] { "update", "final" }.Select(v => "Report.StageExplain." + v).Where(k => catalog.Find(k, "ja") is null));
        // Severity and alert-level names come from their data files (Reports/Data), in both languages.
        missing.AddRange(Renkei.Reports.SeverityScale.Levels.Where(l => string.IsNullOrWhiteSpace(l.NameJa) || string.IsNullOrWhiteSpace(l.NameEn)).Select(l => $"severity-levels.json {l.Level}"));
        missing.AddRange(Renkei.Reports.SeverityScale.AlertLevels.Where(l => string.IsNullOrWhiteSpace(l.NameJa) || string.IsNullOrWhiteSpace(l.NameEn)).Select(l => $"alert-levels.json {l.Level}"));
        missing.AddRange(new[] { "aware", "first_report", "update_report", "final_report", "received", "forwarded" }.Select(v => "Timeline." + v).Where(k => catalog.Find(k, "ja") is null));
        missing.AddRange(EnumText.Values<Renkei.Access.Tlp>().Select(v => "Tlp.Explain." + v).Where(k => catalog.Find(k, "ja") is null));
        missing.AddRange(EnumText.Values<Renkei.Access.AudienceKind>().Select(v => "Audience." + v).Where(k => catalog.Find(k, "ja") is null));
        missing.AddRange(EnumText.Values<Renkei.Directory.MemberUnit>().SelectMany(v => new[] { "Unit." + v, "Figure." + v }).Where(k => catalog.Find(k, "ja") is null));
        missing.ShouldBeEmpty();
    }

    /// <summary>The services' messages (validation reasons, refusals) are English keys with a Japanese translation.</summary>
    [Fact]
    public void EveryServiceMessage_HasJapanese()
    {
        var translated = Text.TranslatedKeys.ToHashSet(StringComparer.Ordinal);
        var messages = Sources("Renkei.Core", "*.cs").Concat(Sources("Renkei.Web", "*.cs"))
            .SelectMany(f => ServiceMessage().Matches(File.ReadAllText(f)).Select(m => m.Groups["text"].Value.Replace("\\\"", "\"", StringComparison.Ordinal)))
            .Where(m => !m.Contains('.', StringComparison.Ordinal) || m.Contains(' ', StringComparison.Ordinal))
            .Distinct()
            .ToList();
        messages.Count.ShouldBeGreaterThan(80);
        messages.Where(m => !translated.Contains(m)).ToList().ShouldBeEmpty();
    }

    [GeneratedRegex(@"L\[""([A-Za-z0-9_.]+)""")]
    private static partial Regex UiKey();

    [GeneratedRegex(@"(?:Text\.T\(|ErrorMessage\s*=\s*|Problem\.(?:Forbidden|Conflict|NotFound)\(|Problem\.Invalid\([^,()]+,\s*|InputValidation\.Add\(\s*errors,\s*[^,]+,\s*|Error\(nameof\(\w+\),\s*)""(?<text>(?:[^""\\]|\\.)*)""")]
    private static partial Regex ServiceMessage();
}
