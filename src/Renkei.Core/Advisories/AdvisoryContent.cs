using Renkei.Indicators;

namespace Renkei.Advisories;

/// <summary>What the issuer writes; one JSON document on the advisory and in every revision.</summary>
public sealed record AdvisoryContent
{
    /// <summary>"ja" or "en".</summary>
    public string Language { get; init; } = "ja";
    public AdvisoryKind Kind { get; init; }
    public string Title { get; init; } = "";
    public string Summary { get; init; } = "";

    /// <summary>Markdown; rendered with raw HTML disabled, so nothing in it can run.</summary>
    public string Body { get; init; } = "";

    public string? RecommendedActions { get; init; }
    public IReadOnlyList<string> AffectedProducts { get; init; } = [];
    public IReadOnlyList<IndicatorValue> Indicators { get; init; } = [];

    /// <summary>Absolute http(s) URLs.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    public DateTime? ValidFrom { get; init; }
    public DateTime? ValidUntil { get; init; }

    /// <summary>The alert level (警戒レベル, Reports/Data/alert-levels.json) the issuer announces with it; none when unset.</summary>
    public int? AlertLevel { get; init; }
}
