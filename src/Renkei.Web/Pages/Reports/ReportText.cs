using System.Globalization;
using Microsoft.Extensions.Localization;
using Renkei.Directory;
using Renkei.Reports;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Pages.Reports;

/// <summary>How report content reads on a page: taxonomy names, figures, and one line per field for version diffs.</summary>
public static class ReportText
{
    /// <summary>The content fields in the order the form asks for them (the keys the versions' changed fields use).</summary>
    public static readonly string[] Fields =
    [
        "title", "kind", "language", "threatCategory", "threatSubtype", "threatExamples", "affectedSystems", "service", "sectorCode", "businessScopeCode",
        "status", "interimMeasures", "cause", "countermeasures", "recoveryOutlook", "impact", "verificationFacts", "awareAt", "startedAt", "endedAt",
        "legallyRequired", "legalBasis", "indicators",
    ];

    public static string FieldLabel(IStringLocalizer L, string field) => field switch
    {
        "title" => L["Report.Title"],
        "kind" => L["Report.Kind"],
        "language" => L["Report.Language"],
        "threatCategory" => L["Report.ThreatCategory"],
        "threatSubtype" => L["Report.ThreatSubtype"],
        "threatExamples" => L["Report.ThreatExamples"],
        "affectedSystems" => L["Report.AffectedSystems"],
        "service" => L["Report.Service"],
        "sectorCode" => L["Directory.Sector"],
        "businessScopeCode" => L["Organisation.BusinessScope"],
        "status" => L["Report.Status"],
        "interimMeasures" => L["Report.InterimMeasures"],
        "cause" => L["Report.Cause"],
        "countermeasures" => L["Report.Countermeasures"],
        "recoveryOutlook" => L["Report.RecoveryOutlook"],
        "impact" => L["Report.Impact"],
        "verificationFacts" => L["Report.VerificationFacts"],
        "awareAt" => L["Report.AwareAt"],
        "startedAt" => L["Report.StartedAt"],
        "endedAt" => L["Report.EndedAt"],
        "legallyRequired" => L["Report.LegallyRequired"],
        "legalBasis" => L["Report.LegalBasis"],
        "indicators" => L["Report.Indicators"],
        _ => field,
    };

    /// <summary>One field of the content as text (for the diff of two versions).</summary>
    public static string FieldValue(IStringLocalizer L, ReportContent c, string field, IReadOnlyList<SectorView> sectors) => field switch
    {
        "title" => c.Title,
        "kind" => Ui.Label(L, c.Kind),
        "language" => c.Language == "en" ? "English" : "日本語",
        "threatCategory" => Category(c),
        "threatSubtype" => Subtype(c) ?? "—",
        "threatExamples" => Or(string.Join("、", Examples(c))),
        "affectedSystems" => Or(string.Join("、", c.AffectedSystems.Select(s => Ui.Label(L, s)))),
        "service" => c.Service ?? "—",
        "sectorCode" => Sector(sectors, c.SectorCode),
        "businessScopeCode" => Scope(sectors, c.SectorCode, c.BusinessScopeCode),
        "status" => c.Status ?? "—",
        "interimMeasures" => c.InterimMeasures ?? "—",
        "cause" => c.Cause ?? "—",
        "countermeasures" => c.Countermeasures ?? "—",
        "recoveryOutlook" => c.RecoveryOutlook ?? "—",
        "impact" => Or(string.Join(" · ", Impact(L, c.Impact).Select(i => $"{i.Label}: {i.Value}"))),
        "verificationFacts" => Or(string.Join(" · ", c.VerificationFacts.Select(f => $"{Question(f.Condition)}: {Ui.Label(L, f.Answer)}"))),
        "awareAt" => Ui.Jst(c.AwareAt),
        "startedAt" => Ui.Jst(c.StartedAt),
        "endedAt" => Ui.Jst(c.EndedAt),
        "legallyRequired" => c.LegallyRequired ? L["Common.Yes"] : L["Common.No"],
        "legalBasis" => c.LegalBasis ?? "—",
        "indicators" => Or(string.Join(", ", c.Indicators.Select(i => $"{Ui.Label(L, i.Type)} {i.Value}"))),
        _ => "",
    };

    /// <summary>A verification condition's question, or its code when the data file no longer has it.</summary>
    public static string Question(string code) =>
        VerificationConditions.Find(code) is { } q ? Ui.Name(q.QuestionJa, q.QuestionEn) : code;

    public static string Category(ReportContent c) =>
        ThreatTaxonomy.Instance.Category(c.ThreatCategory) is { } cat ? Ui.Name(cat.NameJa, cat.NameEn) : c.ThreatCategory;

    public static string? Subtype(ReportContent c) =>
        ThreatTaxonomy.Instance.Category(c.ThreatCategory)?.Subtypes.FirstOrDefault(s => s.Code == c.ThreatSubtype) is { } s ? Ui.Name(s.NameJa, s.NameEn) : c.ThreatSubtype;

    public static IEnumerable<string> Examples(ReportContent c)
    {
        var category = ThreatTaxonomy.Instance.Category(c.ThreatCategory);
        return c.ThreatExamples.Select(code => category?.Examples.FirstOrDefault(e => e.Code == code) is { } e ? Ui.Name(e.NameJa, e.NameEn) : code);
    }

    /// <summary>The impact figures that were given, labelled.</summary>
    public static List<(string Label, string Value)> Impact(IStringLocalizer L, ImpactFigures i)
    {
        var figures = new List<(string, string)>();
        void Add(string label, long? value)
        {
            if (value is { } v)
            {
                figures.Add((label, v.ToString("N0", CultureInfo.InvariantCulture)));
            }
        }
        Add(L["Report.UsersAffected"], i.UsersAffected);
        Add(L["Report.DurationMinutes"], i.DurationMinutes);
        Add(L["Report.SupplyShortfallKw"], i.SupplyShortfallKw);
        Add(L["Report.HouseholdsAffected"], i.HouseholdsAffected);
        Add(L["Report.FlightsCancelled"], i.FlightsCancelled);
        Add(L["Report.TrainsCancelled"], i.TrainsCancelled);
        if (!string.IsNullOrWhiteSpace(i.Other))
        {
            figures.Add((L["Report.ImpactOther"], i.Other));
        }
        return figures;
    }

    public static string Sector(IReadOnlyList<SectorView> sectors, string code) =>
        sectors.FirstOrDefault(s => s.Code == code) is { } s ? Ui.Name(s.NameJa, s.NameEn) : code;

    public static string Scope(IReadOnlyList<SectorView> sectors, string sector, string? scope) =>
        scope is null ? "—"
        : sectors.FirstOrDefault(s => s.Code == sector)?.BusinessScopes.FirstOrDefault(b => b.Code == scope) is { } b ? Ui.Name(b.NameJa, b.NameEn) : scope;

    /// <summary>A severity level with NISC's label for it (from Reports/Data/severity-levels.json, the one source of the labels).</summary>
    public static string Severity(IStringLocalizer L, int? level) =>
        SeverityScale.Severity(level) is { } s ? L["Severity.Level", s.Level, Ui.Name(s.NameJa, s.NameEn)]
        : level is { } l ? l.ToString(CultureInfo.InvariantCulture) : L["Severity.None"];

    /// <summary>An alert level's name (Reports/Data/alert-levels.json).</summary>
    public static string Alert(IStringLocalizer L, AlertLevel level) => L["AlertLevel.Level", level.Level, Ui.Name(level.NameJa, level.NameEn)];

    private static string Or(string text) => text.Length == 0 ? "—" : text;
}
