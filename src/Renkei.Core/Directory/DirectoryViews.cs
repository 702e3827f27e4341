namespace Renkei.Directory;

public sealed record NamedRef(string Code, string NameJa, string NameEn);

public sealed record OrganisationRef(Guid Id, string? Code, string NameJa, string NameEn);

public sealed record SectorView(
    string Code, string NameJa, string NameEn, int Version,
    OrganisationRef? Ministry,
    IReadOnlyList<NamedRef> BusinessScopes,
    IReadOnlyList<NamedRef> Ceptoars);

public sealed record BusinessScopeView(string Code, string SectorCode, string NameJa, string NameEn, int Version);

public sealed record MemberFigureView(int Count, MemberUnit Unit);

public sealed record CeptoarView(
    string Code, string NameJa, string NameEn, int Version,
    NamedRef Sector, NamedRef? BusinessScope,
    IReadOnlyList<SecretariatView> Secretariats,
    IReadOnlyList<MemberFigureView> MemberFigures,
    int? ExtraRecipients, string? ExtraRecipientsNoteJa, string? ExtraRecipientsNoteEn,
    DateOnly? FiguresAsOf,
    int RegisteredMembers,
    // The 展開先 registered in the directory beside the published ExtraRecipients; null for
    // callers who may not see the CEPTOAR's list (AccessPolicy.CeptoarRecipients).
    int? RegisteredExtraRecipients = null);

public sealed record SecretariatView(OrganisationRef Organisation, string? Unit);

public sealed record CommunityView(
    string Code, CommunityKind Kind, string NameJa, string NameEn, string? DescriptionJa, string? DescriptionEn, int Version,
    IReadOnlyList<OrganisationRef> Secretariats,
    int RegisteredMembers);

public sealed record OrganisationSummary(
    Guid Id, string? Code, string NameJa, string NameEn, OrganisationKind Kind,
    string? SectorCode, string? SectorNameJa, string? SectorNameEn,
    string? BusinessScopeCode, string? BusinessScopeNameJa, string? BusinessScopeNameEn,
    int Version);

public sealed record ContactView(Guid Id, ContactPriority Priority, string Name, string Email, string? Phone, string? Hours, int Version);

/// <summary>
/// An organisation with what the caller may see of it: contacts are null (not empty) when the
/// caller may not see them, so a UI can say "not shown" instead of "none".
/// </summary>
public sealed record OrganisationDetail(
    OrganisationSummary Organisation,
    string? Website,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<MembershipView> Memberships,
    IReadOnlyList<ContactView>? Contacts,
    int? UserCount);

public sealed record OrganisationFilter(
    string? Text = null,
    OrganisationKind? Kind = null,
    string? SectorCode = null,
    string? BusinessScopeCode = null,
    string? CeptoarCode = null,
    string? CommunityCode = null);
