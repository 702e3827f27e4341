using System.Text.Json;
using Renkei.Access;

namespace Renkei.Assessments;

public sealed record FrameworkSummary(Guid Id, string Code, int Version, string TitleJa, string TitleEn, FrameworkKind Kind, int Items, DateTime CreatedAt);

public sealed record CampaignInput
{
    public Guid? FrameworkId { get; init; }
    public string? TitleJa { get; init; }
    public string? TitleEn { get; init; }
    public DateTime? OpensAt { get; init; }
    public DateTime? ClosesAt { get; init; }
    public List<AudienceEntry>? Audience { get; init; }

    /// <summary>The campaign to compare with year on year (same framework code, same or earlier version, opened earlier); optional.</summary>
    public Guid? PreviousCampaignId { get; init; }
}

public sealed record CampaignView(Guid Id, Guid FrameworkId, Guid OwnerOrganisationId, string TitleJa, string TitleEn, DateTime OpensAt, DateTime ClosesAt, CampaignState State, bool AcceptsAnswers, int Version,
    Guid? PreviousCampaignId = null, DateTime? RemindedAt = null);

/// <summary>A reminder sent: when, and how many organisations that had not submitted it went to.</summary>
public sealed record ReminderView(Guid CampaignId, DateTime RemindedAt, int Organisations);

public sealed record AnswerInput
{
    public string? Item { get; init; }
    public JsonElement? Value { get; init; }
}

public sealed record AnswersInput
{
    public List<AnswerInput>? Answers { get; init; }
}

public sealed record AnswerView(string Item, JsonElement Value, int Version, DateTime UpdatedAt);

public sealed record ResponseView(Guid Id, Guid CampaignId, Guid OrganisationId, string? SectorCode, ResponseState State, bool SharedWithOwner, int Version, DateTime? SubmittedAt, DateTime? ReviewedAt, List<AnswerView> Answers);

/// <summary>A response shared with the campaign owner, as the owner's list names it (the operator chose to be known to the owner).</summary>
public sealed record SharedResponseView(Guid Id, Guid OrganisationId, string NameJa, string NameEn, string? SectorCode, ResponseState State, DateTime? SubmittedAt, DateTime? ReviewedAt);

public sealed record AnswerChangeView(string Item, int Version, JsonElement Value, DateTime ChangedAt, Guid ChangedByUserId);

public sealed record AggregateValue(string Key, int Count, double Share);

/// <summary>
/// One cell: a sector (null for the national figure) × item. Withheld cells carry no counts.
/// <see cref="Previous"/> is the same cell of the previous campaign (year on year), protected there
/// the same way; null when that campaign has no such cell.
/// </summary>
public sealed record AggregateCell(string? SectorCode, string Item, bool Withheld, int? Respondents, List<AggregateValue>? Values, double? Mean,
    PreviousCell? Previous = null);

/// <summary>The previous campaign's figures of a cell (matched by sector and item code).</summary>
public sealed record PreviousCell(bool Withheld, int? Respondents, List<AggregateValue>? Values, double? Mean);

/// <summary>
/// The campaign's aggregates. <see cref="Published"/> is false until the campaign closes, and then
/// <see cref="Cells"/> is empty: figures that grow answer by answer would give each new answer away.
/// </summary>
public sealed record AggregateView(Guid CampaignId, int MinimumCellSize, List<AggregateCell> Cells, bool Published = true, Guid? PreviousCampaignId = null);

public sealed record GapItem(string Item, JsonElement? Own, AggregateCell Sector);

/// <summary>The respondent's own answers beside its sector's cells, which are withheld until the campaign closes (<see cref="Published"/>).</summary>
public sealed record GapView(Guid CampaignId, string? SectorCode, List<GapItem> Items, bool Published = true, Guid? PreviousCampaignId = null);

public sealed record SectorRate(string? SectorCode, int Invited, int Responded, int Submitted, double Rate);

public sealed record PendingOrganisation(Guid OrganisationId, string NameJa, string NameEn, string? SectorCode, ResponseState? State);

public sealed record ResponseRateView(Guid CampaignId, List<SectorRate> Sectors, List<PendingOrganisation>? NotSubmitted);
