namespace Renkei.Directory;

/// <summary>An organisation's membership of a community.</summary>
public sealed class CommunityMembership
{
    public required string CommunityCode { get; set; }
    public Guid OrganisationId { get; set; }
    public MembershipRole Role { get; set; }
    public DateTime CreatedAt { get; set; }

    public Community? Community { get; set; }
    public Organisation? Organisation { get; set; }
}
