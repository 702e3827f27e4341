using Renkei.Access;

namespace Renkei.ContactChecks;

/// <summary>When a contact check sends its rounds.</summary>
public enum ContactCheckSchedule
{
    /// <summary>One round, sent when the check is created.</summary>
    Now,
    /// <summary>One round, sent at a chosen time.</summary>
    At,
    /// <summary>A round every N days from a chosen time (or from creation).</summary>
    Repeat,
}

/// <summary>
/// A contact check (情報疎通確認): NISC, a ministry or a CEPTOAR secretariat asks the points of
/// contact of the organisations it serves to confirm that they can be reached. Each send is a
/// <see cref="ContactCheckRound"/>; the audience is expanded to organisations when a round starts,
/// so a repeating check follows the directory as it changes.
/// </summary>
public sealed class ContactCheck
{
    public Guid Id { get; set; }
    public Guid OwnerOrganisationId { get; set; }
    public Guid CreatedByUserId { get; set; }
    public Guid AudienceId { get; set; }
    public required string Title { get; set; }
    public string? Message { get; set; }

    /// <summary>How long after a round starts a confirmation still counts.</summary>
    public int DeadlineHours { get; set; }

    public ContactCheckSchedule Schedule { get; set; }

    /// <summary>For <see cref="ContactCheckSchedule.Repeat"/>: days between rounds.</summary>
    public int? RepeatDays { get; set; }

    /// <summary>When the next round is due; null when nothing more is scheduled.</summary>
    public DateTime? NextRoundAt { get; set; }

    /// <summary>Rounds started so far; also the claim a round start takes (see <see cref="ContactCheckRounds"/>).</summary>
    public int RoundCount { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? CancelledAt { get; set; }

    public Audience? Audience { get; set; }
}
