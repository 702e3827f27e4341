using Renkei.Common;
using Renkei.Directory;

namespace Renkei.ReferenceData;

/// <summary>
/// The versioned content of each kind of reference record, as stored in
/// <see cref="ReferenceRevision.Data"/>. The seeder compares these to decide whether a data-file
/// change applies, so the same fields in the same order, always.
/// </summary>
public static class ReferenceSnapshot
{
    public const string Sector = "sector";
    public const string BusinessScope = "business_scope";
    public const string Ceptoar = "ceptoar";
    public const string Community = "community";
    public const string Organisation = "organisation";
    public const string VerificationRule = "verification_rule";
    public const string DeadlineRule = "deadline_rule";

    public static string Of(Reports.VerificationRule r) => ReferenceDataFiles.Canonical(new
    {
        r.Code,
        r.SectorCode,
        r.Scopes,
        r.DescriptionJa,
        r.DescriptionEn,
        r.AnyOutage,
        r.MinUsers,
        r.MinDurationMinutes,
        r.MinKw,
        r.MinHouseholds,
        r.MinFlightsCancelled,
        r.MinTrainsCancelled,
        r.SortOrder,
    });

    public static string Of(Reports.DeadlineRule r) => ReferenceDataFiles.Canonical(new
    {
        r.Code,
        Kind = r.Kind is { } k ? EnumText.ToText(k) : null,
        Route = r.Route is { } route ? EnumText.ToText(route) : null,
        Stage = EnumText.ToText(r.Stage),
        r.Hours,
        r.DescriptionJa,
        r.DescriptionEn,
        r.SortOrder,
    });

    public static string Of(Sector s) => ReferenceDataFiles.Canonical(new
    {
        s.Code,
        s.NameJa,
        s.NameEn,
        s.MinistryId,
        s.SortOrder,
    });

    public static string Of(BusinessScope s) => ReferenceDataFiles.Canonical(new
    {
        s.Code,
        s.SectorCode,
        s.NameJa,
        s.NameEn,
        s.SortOrder,
    });

    public static string Of(Ceptoar c) => ReferenceDataFiles.Canonical(new
    {
        c.Code,
        c.NameJa,
        c.NameEn,
        c.SectorCode,
        c.BusinessScopeCode,
        Figures = c.MemberFigures.OrderBy(f => f.Ordinal).Select(f => new { f.Count, Unit = EnumText.ToText(f.Unit) }).ToArray(),
        c.ExtraRecipients,
        c.ExtraRecipientsNoteJa,
        c.ExtraRecipientsNoteEn,
        c.FiguresAsOf,
        c.SortOrder,
    });

    public static string Of(Community c) => ReferenceDataFiles.Canonical(new
    {
        c.Code,
        Kind = EnumText.ToText(c.Kind),
        c.NameJa,
        c.NameEn,
        c.DescriptionJa,
        c.DescriptionEn,
        c.SortOrder,
    });

    public static string Of(Organisation o) => ReferenceDataFiles.Canonical(new
    {
        o.Code,
        Kind = EnumText.ToText(o.Kind),
        o.NameJa,
        o.NameEn,
        o.SectorCode,
        o.BusinessScopeCode,
        o.Website,
    });
}
