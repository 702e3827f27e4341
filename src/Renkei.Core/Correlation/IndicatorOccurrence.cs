using Renkei.Indicators;

namespace Renkei.Correlation;

/// <summary>The kinds of record an indicator can appear in.</summary>
public enum OccurrenceSource
{
    Report,
    Advisory,
    IndicatorSet,
}

/// <summary>
/// One place a typed indicator appears: a report (its latest submitted version), an advisory (its
/// latest published revision) or an imported indicator set (one row per indicator object whose
/// pattern maps back to a typed indicator). Looked up by (type, normalised value) to answer
/// "seen before".
/// </summary>
/// <remarks>
/// Rows carry no access rules of their own: a reader learns of a row only through the record it
/// belongs to, which <see cref="Access.AccessPolicy"/> decides (see <see cref="CorrelationQueries"/>).
/// They are derived from audited writes and rewritten whole by <see cref="CorrelationBackfill"/>,
/// so they are not audited themselves.
/// </remarks>
public sealed class IndicatorOccurrence
{
    public long Id { get; set; }
    public IndicatorType IndicatorType { get; set; }

    /// <summary>As <see cref="IndicatorRules.Normalise"/> returns it, so equal indicators compare equal.</summary>
    public string Value { get; set; } = "";
    public OccurrenceSource SourceKind { get; set; }
    public Guid SourceId { get; set; }

    /// <summary>The STIX indicator object inside an indicator set; null for reports and advisories.</summary>
    public string? StixId { get; set; }

    /// <summary>
    /// When the record started to carry the indicator without a break: the submission or revision
    /// from which every later one kept it, or the set's import.
    /// </summary>
    public DateTime FirstSeenAt { get; set; }
}
