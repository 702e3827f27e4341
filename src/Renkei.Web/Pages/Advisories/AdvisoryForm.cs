using System.Globalization;
using Renkei.Access;
using Renkei.Advisories;
using Renkei.Common;
using Renkei.Indicators;
using Renkei.Web.Pages.Reports;

namespace Renkei.Web.Pages.Advisories;

/// <summary>
/// The advisory form as a browser posts it, named like the API's fields so the service's field
/// errors land beside their inputs. Lists are typed one per line; times are typed in JST.
/// </summary>
public sealed class AdvisoryForm
{
    public AdvisoryKind? Kind { get; set; }
    public string? Language { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Body { get; set; }
    public string? RecommendedActions { get; set; }

    /// <summary>One product per line.</summary>
    public string? AffectedProducts { get; set; }

    /// <summary>One address per line.</summary>
    public string? References { get; set; }

    public List<IndicatorRow> Indicators { get; set; } = [];

    /// <summary>JST, as typed (datetime-local: 2025-06-01T09:30).</summary>
    public string? ValidFrom { get; set; }
    public string? ValidUntil { get; set; }

    /// <summary>An alert level (Reports/Data/alert-levels.json) or none.</summary>
    public int? AlertLevel { get; set; }
    public Tlp? Tlp { get; set; }
    public AdvisoryUrgency? Urgency { get; set; }

    /// <summary>Unset: relayed when the TLP may be relayed and it is not an emergency, else direct.</summary>
    public AdvisoryDistribution? Distribution { get; set; }
    public List<AudienceRow> Audience { get; set; } = [];
    public int? Version { get; set; }

    /// <summary>Revisions only: what changed.</summary>
    public string? ChangeNote { get; set; }

    /// <summary>
    /// The service's input with, for each list, which form row or line each sent entry came from
    /// (blank rows are not sent); or the names of the time fields that are not a time.
    /// </summary>
    public (AdvisoryInputs? Inputs, List<string> BadTimes) ToInput()
    {
        var bad = new List<string>();
        var from = Time(ValidFrom, nameof(ValidFrom), bad);
        var until = Time(ValidUntil, nameof(ValidUntil), bad);
        if (bad.Count > 0)
        {
            return (null, bad);
        }
        var products = Lines(AffectedProducts);
        var references = Lines(References);
        var indicators = Indicators.Select((row, i) => (row, i)).Where(x => !x.row.IsBlank).ToList();
        var audience = Audience.Select((row, i) => (row, i)).Where(x => !x.row.IsBlank).ToList();
        var input = new AdvisoryInput
        {
            Kind = Kind,
            Language = string.IsNullOrWhiteSpace(Language) ? null : Language,
            Title = Title ?? "",
            Summary = Summary ?? "",
            Body = Body,
            RecommendedActions = RecommendedActions,
            AffectedProducts = products.Select(p => p.Text).ToList(),
            Indicators = indicators.Select(x => new IndicatorInput { Type = x.row.Type, Value = x.row.Value ?? "", Note = x.row.Note }).ToList(),
            References = references.Select(r => r.Text).ToList(),
            ValidFrom = from,
            ValidUntil = until,
            AlertLevel = AlertLevel,
            Tlp = Tlp,
            Urgency = Urgency,
            Distribution = Distribution,
            Audience = audience.Select(x => new AudienceEntry { Kind = x.row.Kind, Key = x.row.Key?.Trim() }).ToList(),
            Version = Version,
        };
        var rows = new Dictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal)
        {
            ["affectedProducts"] = products.Select(p => p.Line).ToList(),
            ["references"] = references.Select(r => r.Line).ToList(),
            ["indicators"] = indicators.Select(x => x.i).ToList(),
            ["audience"] = audience.Select(x => x.i).ToList(),
        };
        return (new AdvisoryInputs(input, rows), bad);
    }

    public static AdvisoryForm From(AdvisoryView view) => new()
    {
        Kind = view.Content.Kind,
        Language = view.Content.Language,
        Title = view.Content.Title,
        Summary = view.Content.Summary,
        Body = view.Content.Body,
        RecommendedActions = view.Content.RecommendedActions,
        AffectedProducts = string.Join('\n', view.Content.AffectedProducts),
        References = string.Join('\n', view.Content.References),
        Indicators = view.Content.Indicators.Select(i => new IndicatorRow { Type = i.Type, Value = i.Value, Note = i.Note }).ToList(),
        ValidFrom = ContentForm.Jst(view.Content.ValidFrom),
        ValidUntil = ContentForm.Jst(view.Content.ValidUntil),
        AlertLevel = view.Content.AlertLevel,
        Tlp = view.Tlp,
        Urgency = view.Urgency,
        Distribution = view.Distribution,
        Audience = view.Audience.Select(a => new AudienceRow { Kind = a.Kind, Key = a.Kind == AudienceKind.AllCi ? null : a.Key }).ToList(),
        Version = view.Version,
    };

    /// <summary>The non-blank lines of a text area, with their line numbers (from 1).</summary>
    private static List<(string Text, int Line)> Lines(string? text) =>
        (text ?? "").Split('\n').Select((line, i) => (Text: line.Trim(), Line: i + 1)).Where(x => x.Text.Length > 0).ToList();

    private static readonly string[] TimeFormats = [ContentForm.TimeFormat, "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy/MM/dd HH:mm"];

    private static DateTime? Time(string? text, string name, List<string> bad)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateTime.TryParseExact(text.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return DateTime.SpecifyKind(local - Clock.JstOffset, DateTimeKind.Utc);
        }
        // A time that cannot be read must not be stored as "no time".
        bad.Add(name);
        return null;
    }
}

/// <summary>One audience entry of the form: what it names, and the code, id or e-mail address.</summary>
public sealed class AudienceRow
{
    public AudienceKind? Kind { get; set; }
    public string? Key { get; set; }

    public bool IsBlank => Kind is null && string.IsNullOrWhiteSpace(Key);
}

/// <summary>The service's input, and for each list field which row or line each sent entry came from.</summary>
public sealed record AdvisoryInputs(AdvisoryInput Input, IReadOnlyDictionary<string, IReadOnlyList<int>> Rows);
