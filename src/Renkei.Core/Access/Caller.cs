using Renkei.Directory;
using Renkei.Identity;

namespace Renkei.Access;

/// <summary>
/// Who is asking, with everything the sharing rules need, loaded once per request from the
/// database (never from the request body or stale cookie claims).
/// </summary>
public sealed record Caller
{
    public required Guid UserId { get; init; }
    public required string Email { get; init; }
    public required Guid OrganisationId { get; init; }
    public required OrganisationKind OrganisationKind { get; init; }
    public string? SectorCode { get; init; }
    public string? BusinessScopeCode { get; init; }
    public required IReadOnlySet<Role> Roles { get; init; }
    public IReadOnlyList<string> CeptoarCodes { get; init; } = [];
    public IReadOnlyList<string> SecretariatOfCeptoars { get; init; } = [];

    /// <summary>The CEPTOARs whose 展開先 (non-member recipients) the organisation is.</summary>
    public IReadOnlyList<string> RecipientOfCeptoars { get; init; } = [];
    public IReadOnlyList<string> CommunityCodes { get; init; } = [];
    public IReadOnlyList<string> SecretariatOfCommunities { get; init; } = [];

    /// <summary>The account must choose a new password before doing anything else in the UI.</summary>
    public bool MustChangePassword { get; init; }

    public bool TwoFactorEnabled { get; init; }

    public string PreferredLanguage { get; init; } = "ja";

    /// <summary>For a ministry: the sectors it is in charge of.</summary>
    public IReadOnlyList<string> MinistryOfSectors { get; init; } = [];

    /// <summary>
    /// An admin of the national centre administers the platform (reference data, every
    /// organisation and user).
    /// </summary>
    /// <remarks>
    /// Platform administration is not a licence to read content: TLP and audiences bind platform
    /// admins like everyone else, so the operator of the platform cannot read what was not
    /// shared with it.
    /// </remarks>
    public bool IsPlatformAdmin => OrganisationKind == OrganisationKind.NationalCentre && Roles.Contains(Role.Admin);

    public bool IsNationalCentre => OrganisationKind == OrganisationKind.NationalCentre;

    public bool Has(Role role) => Roles.Contains(role);

    public bool HasAny(params Role[] roles) => roles.Any(Roles.Contains);
}
