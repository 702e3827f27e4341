using Renkei.Access;
using Renkei.Indicators;

namespace Renkei.Correlation;

/// <summary>
/// Who stands behind a place: a report's reporter exactly as the caller's report view shows it
/// (a pseudonym unless the caller may know who reported), an advisory's issuer, a set's importer.
/// </summary>
public sealed record PlaceOrganisation(bool Disclosed, Guid? OrganisationId, string NameJa, string NameEn);

/// <summary>
/// One record an indicator also appears in, as the caller may see it. <see cref="Date"/> is the
/// report's first submission, the advisory's publication or the set's import.
/// </summary>
public sealed record IndicatorPlace(
    OccurrenceSource Kind, Guid Id, string Title, Tlp Tlp, DateTime? Date, string? SectorCode, bool Withdrawn,
    PlaceOrganisation Organisation, DateTime FirstSeenAt, string? StixId);

/// <summary>One indicator of a record and the other places the caller may read that carry it, newest first (at most <see cref="CorrelationQueries.MaxPlaces"/>).</summary>
public sealed record IndicatorCorrelation(IndicatorType Type, string Value, int Total, IReadOnlyList<IndicatorPlace> SeenIn);

/// <summary>A lookup by value: the normalised indicator and the places the caller may read that carry it.</summary>
public sealed record IndicatorLookup(IndicatorType Type, string Value, Common.Page<IndicatorPlace> Places);
