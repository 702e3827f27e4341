namespace Renkei.Indicators;

/// <summary>A structured indicator, normalised (lower-case domains and hashes, upper-case CVE ids).</summary>
public sealed record IndicatorValue(IndicatorType Type, string Value, string? Note = null);
