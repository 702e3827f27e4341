namespace Renkei.ContactChecks;

/// <summary>How a target's confirmation arrived.</summary>
public enum ConfirmationChannel
{
    /// <summary>The one-click link in the e-mail to the point of contact (no sign-in).</summary>
    Link,
    /// <summary>A signed-in member of the organisation, in the application or through the API.</summary>
    Member,
}

/// <summary>One send of a contact check: every point of contact of the audience's organisations at that moment.</summary>
public sealed class ContactCheckRound
{
    public Guid Id { get; set; }
    public Guid CheckId { get; set; }

    /// <summary>1, 2, … per check.</summary>
    public int Number { get; set; }
    public DateTime StartedAt { get; set; }

    /// <summary>Confirmations after this are refused: the round measured who answered in time.</summary>
    public DateTime DeadlineAt { get; set; }
}

/// <summary>
/// One (organisation, point of contact) of a round, with its confirmation. An organisation without
/// points of contact has one target with no contact, so it is counted and its members can still
/// answer. The organisation has answered when any of its targets is confirmed.
/// </summary>
public sealed class ContactCheckTarget
{
    public Guid Id { get; set; }
    public Guid RoundId { get; set; }
    public Guid CheckId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid? ContactId { get; set; }

    /// <summary>The address the e-mail went to, as it was then (the contact may change or go).</summary>
    public string? Email { get; set; }

    /// <summary>SHA-256 of the link's secret, hex; the secret itself is only in the e-mail.</summary>
    public string? TokenHash { get; set; }

    public DateTime SentAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public ConfirmationChannel? ConfirmedVia { get; set; }

    /// <summary>The member who confirmed; null for a confirmation by link.</summary>
    public Guid? ConfirmedByUserId { get; set; }
}
