namespace Renkei.Access;

/// <summary>
/// A record that carries a TLP label and an audience. Reads of such records go through
/// <see cref="SharingPolicy"/> and nowhere else.
/// </summary>
public interface IShareable
{
    Guid Id { get; }
    Tlp Tlp { get; }
    Guid OwnerOrganisationId { get; }
    Guid CreatedByUserId { get; }
    Guid AudienceId { get; }
    Audience? Audience { get; }
}
