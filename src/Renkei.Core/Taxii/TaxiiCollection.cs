using Renkei.Access;

namespace Renkei.Taxii;

/// <summary>
/// A TAXII collection as one caller sees it. Collections are not stored: each is one audience
/// entry the caller belongs to (all CI, their sector, scope, CEPTOARs, communities, their own
/// organisation, themselves), plus "public" for TLP:CLEAR. Its objects are those of the records
/// shared with that entry which the caller may read (<see cref="TaxiiCollections.Sources"/>).
/// </summary>
/// <param name="Key">Stable name, e.g. <c>sector:water</c>; the id is derived from it.</param>
/// <param name="Member">The audience entry the collection stands for; null for "public".</param>
public sealed record TaxiiCollection(
    Guid Id,
    string Key,
    string TitleJa,
    string TitleEn,
    string DescriptionJa,
    string DescriptionEn,
    AudienceMember? Member,
    bool CanRead,
    bool CanWrite);
