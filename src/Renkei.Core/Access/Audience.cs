namespace Renkei.Access;

/// <summary>
/// Who a shareable record is for: any mix of all CI, sectors, business scopes, CEPTOARs,
/// communities, named organisations and named users. Membership is resolved when a record is
/// read, so an organisation that joins a CEPTOAR sees what was shared with that CEPTOAR.
/// </summary>
public sealed class Audience
{
    public Guid Id { get; set; }
    public List<AudienceMember> Members { get; set; } = [];
}

/// <summary>One entry of an audience; <see cref="Key"/> is a code, or an id for organisations and users.</summary>
public sealed class AudienceMember
{
    public Guid AudienceId { get; set; }
    public AudienceKind Kind { get; set; }

    /// <summary>Sector, scope, CEPTOAR or community code; organisation or user id in "D" format; "*" for all CI.</summary>
    public required string Key { get; set; }
}
