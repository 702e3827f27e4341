using System.ComponentModel.DataAnnotations;
using Renkei.Access;

namespace Renkei.ContactChecks;

/// <summary>A contact check as the issuing desk sends it.</summary>
public sealed record ContactCheckInput
{
    public const int MaxTitle = 200;
    public const int MaxMessage = 4000;
    public const int MaxDeadlineHours = 720;
    public const int MaxRepeatDays = 365;

    [Required(ErrorMessage = "is required"), MaxLength(MaxTitle, ErrorMessage = "must be at most 200 characters")]
    public string? Title { get; init; }

    /// <summary>What the points of contact read in the e-mail, above the confirmation link.</summary>
    [MaxLength(MaxMessage, ErrorMessage = "must be at most 4000 characters")]
    public string? Message { get; init; }

    [Required(ErrorMessage = "is required"), Range(1, MaxDeadlineHours, ErrorMessage = "must be between 1 and 720 hours (30 days)")]
    public int? DeadlineHours { get; init; }

    /// <summary>now (default), at (startAt), or repeat (every repeatDays from startAt or from now).</summary>
    public ContactCheckSchedule? Schedule { get; init; }

    public DateTime? StartAt { get; init; }

    [Range(1, MaxRepeatDays, ErrorMessage = "must be between 1 and 365 days")]
    public int? RepeatDays { get; init; }

    public IReadOnlyList<AudienceEntry>? Audience { get; init; }
}

/// <summary>A check in lists: the issuer's own, with the latest round's counts.</summary>
public sealed record ContactCheckSummary(Guid Id, string Title, ContactCheckSchedule Schedule, int? RepeatDays, int DeadlineHours,
    DateTime CreatedAt, DateTime? NextRoundAt, DateTime? CancelledAt, int Rounds, RoundCounts? LatestRound);

/// <summary>A round addressed to the caller's organisation that still takes confirmations.</summary>
public sealed record OpenCheck(Guid Id, string Title, string? Message, Guid IssuerOrganisationId, string IssuerNameJa, string IssuerNameEn,
    int Round, DateTime StartedAt, DateTime DeadlineAt, DateTime? ConfirmedAt);

/// <summary>What the caller's organisation has issued, and what is waiting for its answer.</summary>
public sealed record ContactCheckList(IReadOnlyList<ContactCheckSummary> Issued, int IssuedTotal, IReadOnlyList<OpenCheck> Open);

/// <summary>One check. Recipients see the words and their own organisation's answers; the issuer sees everything in the report.</summary>
public sealed record ContactCheckView(Guid Id, string Title, string? Message, ContactCheckSchedule Schedule, int? RepeatDays, int DeadlineHours,
    Guid OwnerOrganisationId, string OwnerNameJa, string OwnerNameEn, IReadOnlyList<AudienceEntryView> Audience,
    DateTime CreatedAt, DateTime? NextRoundAt, DateTime? CancelledAt, IReadOnlyList<RoundCounts> Rounds, IReadOnlyList<MyRound> Mine);

/// <summary>A round with its organisation counts (the issuer's view).</summary>
public sealed record RoundCounts(int Number, DateTime StartedAt, DateTime DeadlineAt, int Targeted, int Answered);

/// <summary>A round that reached the caller's organisation, and when it answered.</summary>
public sealed record MyRound(int Number, DateTime StartedAt, DateTime DeadlineAt, DateTime? ConfirmedAt);

/// <summary>The caller's organisation's answer to the latest open round.</summary>
public sealed record MyConfirmation(Guid CheckId, int Round, DateTime ConfirmedAt, bool AlreadyConfirmed);
