using System.Text.Json;
using Renkei.Access;
using Renkei.Advisories;
using Renkei.Common;
using Renkei.Reports;
using Renkei.Storage;

namespace Renkei.Presets;

/// <summary>
/// One default preset of Presets/Data/content-presets.json: a kind, its wording in Japanese and
/// English, where the seeds name the kind and what it conveys, and whether the wording is
/// Renkei's own.
/// </summary>
public sealed record DefaultPreset(ContentPresetTarget Target, string Kind, string Seed, bool RenkeiOwn, PresetContent Ja, PresetContent En)
{
    public PresetContent In(string language) => language == "en" ? En : Ja;
}

/// <summary>
/// The default presets Renkei ships for each advisory kind and each report threat category
/// (seed 003:20-24: 事案に応じた提供内容をあらかじめ設定し、対策に効果的な内容を適切なタイミングで共有).
/// Reference data read from the assembly, never stored: an organisation's own presets are
/// copies in <c>content_presets</c>.
/// </summary>
public static class ContentPresetDefaults
{
    private sealed record Wording(string Title, string? Summary, string? Body, string? RecommendedActions,
        string? Status, string? InterimMeasures, string? Cause, string? Countermeasures, string? RecoveryOutlook);

    private sealed record Entry(string Kind, string Seed, bool RenkeiOwn, Tlp? Tlp, AdvisoryUrgency? Urgency, Wording Ja, Wording En);

    private sealed record File(IReadOnlyList<Entry> Advisory, IReadOnlyList<Entry> Report);

    public static IReadOnlyList<DefaultPreset> All { get; } = Load();

    public static DefaultPreset? Find(ContentPresetTarget target, string kind) =>
        All.FirstOrDefault(p => p.Target == target && p.Kind == kind);

    /// <summary>The kinds a preset may be kept for: advisory kinds, report threat categories.</summary>
    public static IReadOnlyList<string> Kinds(ContentPresetTarget target) => target == ContentPresetTarget.Advisory
        ? Enum.GetValues<AdvisoryKind>().Select(k => EnumText.ToText(k)).ToList()
        : ThreatTaxonomy.Instance.Categories.Select(c => c.Code).ToList();

    private static List<DefaultPreset> Load()
    {
        using var stream = typeof(ContentPresetDefaults).Assembly.GetManifestResourceStream("Renkei.Presets.content-presets.json")
            ?? throw new InvalidDataException("content-presets.json is not embedded.");
        var file = JsonSerializer.Deserialize<File>(stream, JsonColumn<PresetContent>.Options)
            ?? throw new InvalidDataException("content-presets.json is empty.");
        var all = file.Advisory.Select(e => ToPreset(ContentPresetTarget.Advisory, e))
            .Concat(file.Report.Select(e => ToPreset(ContentPresetTarget.Report, e)))
            .ToList();
        foreach (var target in Enum.GetValues<ContentPresetTarget>())
        {
            var kinds = Kinds(target);
            var mine = all.Where(p => p.Target == target).Select(p => p.Kind).ToList();
            if (mine.FirstOrDefault(k => !kinds.Contains(k)) is { } unknown)
            {
                throw new InvalidDataException($"content-presets.json: '{unknown}' is not a {EnumText.ToText(target)} kind.");
            }
            if (mine.Distinct(StringComparer.Ordinal).Count() != mine.Count)
            {
                throw new InvalidDataException($"content-presets.json repeats a {EnumText.ToText(target)} kind.");
            }
        }
        if (all.FirstOrDefault(p => string.IsNullOrWhiteSpace(p.Seed)) is { } uncited)
        {
            throw new InvalidDataException($"content-presets.json: '{uncited.Kind}' cites no seed.");
        }
        return all;
    }

    private static DefaultPreset ToPreset(ContentPresetTarget target, Entry e) =>
        new(target, e.Kind, e.Seed, e.RenkeiOwn, Content(e.Ja, e), Content(e.En, e));

    private static PresetContent Content(Wording w, Entry e) => new()
    {
        Title = w.Title,
        Summary = w.Summary,
        Body = w.Body,
        RecommendedActions = string.IsNullOrEmpty(w.RecommendedActions) ? null : w.RecommendedActions,
        Status = w.Status,
        InterimMeasures = w.InterimMeasures,
        Cause = w.Cause,
        Countermeasures = w.Countermeasures,
        RecoveryOutlook = w.RecoveryOutlook,
        Tlp = e.Tlp,
        Urgency = e.Urgency,
    };
}
