using Renkei.Storage;

namespace Renkei.Assessments;

/// <summary>What a framework is used for; one engine serves them all.</summary>
[StoredAsText(20)]
public enum FrameworkKind
{
    Survey,
    Guideline,
    Inspection,
    Risk,
}

/// <summary>How an item is answered.</summary>
[StoredAsText(20)]
public enum AnswerType
{
    YesNoPartly,
    Choice,
    MultiChoice,
    Number,
    Text,
    Evidence,
}

/// <summary>
/// How the guideline (指針) places an item (seed 002 l.987-992): an item to consider (要検討事項) each
/// sector decides whether to put in its safety standards; a reference item (参考事項) it is
/// desirable to put in. Other frameworks leave items unclassified.
/// </summary>
[StoredAsText(20)]
public enum ItemClassification
{
    ToConsider,
    Reference,
}

[StoredAsText(20)]
public enum CampaignState
{
    Draft,
    Open,
    Closed,
}

[StoredAsText(20)]
public enum ResponseState
{
    Draft,
    Submitted,
    Reviewed,
}

/// <summary>One option of a choice or multi-choice item.</summary>
public sealed record AssessmentChoice
{
    public string Code { get; init; } = "";
    public string LabelJa { get; init; } = "";
    public string LabelEn { get; init; } = "";
}

/// <summary>A versioned document of requirement items (a survey, a guideline, an inspection checklist, a risk questionnaire).</summary>
public sealed class AssessmentFramework
{
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public int Version { get; set; }
    public required string TitleJa { get; set; }
    public required string TitleEn { get; set; }
    public FrameworkKind Kind { get; set; }
    public string? Seed { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid? CreatedByUserId { get; set; }
    public List<AssessmentItem> Items { get; set; } = [];
}

/// <summary>One requirement item; items form a tree by parent code within the framework version.</summary>
public sealed class AssessmentItem
{
    public Guid Id { get; set; }
    public Guid FrameworkId { get; set; }
    public required string Code { get; set; }
    public string? ParentCode { get; set; }
    public int Position { get; set; }
    public required string TextJa { get; set; }
    public required string TextEn { get; set; }
    public string? GuidanceJa { get; set; }
    public string? GuidanceEn { get; set; }

    /// <summary>The guideline's placing of the item; null for other frameworks.</summary>
    public ItemClassification? Classification { get; set; }

    /// <summary>
    /// The guideline's concrete content (具体的内容, examples of measures); the item text is then its
    /// abstract content (抽象的内容, seed 002 l.1021-1022).
    /// </summary>
    public string? ConcreteJa { get; set; }
    public string? ConcreteEn { get; set; }
    public AnswerType AnswerType { get; set; }
    public List<AssessmentChoice> Choices { get; set; } = [];

    /// <summary>Scoring rules as data: the score of each answer value (yes/no/partly or a choice code).</summary>
    public Dictionary<string, double> Scores { get; set; } = [];
    public bool Required { get; set; }
    public string? Seed { get; set; }
}

/// <summary>A framework version sent to an audience for a period by an owner organisation.</summary>
public sealed class AssessmentCampaign
{
    public Guid Id { get; set; }
    public Guid FrameworkId { get; set; }
    public Guid OwnerOrganisationId { get; set; }
    public Guid AudienceId { get; set; }
    public required string TitleJa { get; set; }
    public required string TitleEn { get; set; }
    public DateTime OpensAt { get; set; }
    public DateTime ClosesAt { get; set; }
    public CampaignState State { get; set; }

    /// <summary>When the owner last reminded the organisations that had not submitted (at most once a day).</summary>
    public DateTime? RemindedAt { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid CreatedByUserId { get; set; }

    /// <summary>
    /// The campaign this one is compared with year on year (定点調査), when its owner names one;
    /// otherwise the owner's latest earlier closed campaign of the same framework code is used.
    /// </summary>
    public Guid? PreviousCampaignId { get; set; }
}

/// <summary>One organisation's response to a campaign.</summary>
public sealed class AssessmentResponse
{
    public Guid Id { get; set; }
    public Guid CampaignId { get; set; }
    public Guid OrganisationId { get; set; }

    /// <summary>The organisation's sector when it first answered: the aggregate's cell.</summary>
    public string? SectorCode { get; set; }
    public ResponseState State { get; set; }

    /// <summary>The operator lets the campaign owner read its answers (nobody else ever does).</summary>
    public bool SharedWithOwner { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public Guid? ReviewedByUserId { get; set; }
}

/// <summary>The current answer to one item; its earlier values are in <see cref="AssessmentAnswerChange"/>.</summary>
public sealed class AssessmentAnswer
{
    public Guid Id { get; set; }
    public Guid ResponseId { get; set; }
    public Guid CampaignId { get; set; }
    public Guid ItemId { get; set; }

    /// <summary>The value as JSON text (a string, an array of codes, a number).</summary>
    public required string Value { get; set; }
    public double? NumberValue { get; set; }
    public int Version { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid UpdatedByUserId { get; set; }
}

/// <summary>
/// One categorical value of an answer (yes/no/partly, the choice, each chosen option): the rows
/// the sector aggregate counts with one grouped query.
/// </summary>
public sealed class AssessmentAnswerKey
{
    public Guid AnswerId { get; set; }
    public Guid ResponseId { get; set; }
    public Guid CampaignId { get; set; }
    public Guid ItemId { get; set; }
    public required string Key { get; set; }
}

/// <summary>
/// The running count behind one aggregate cell of a campaign: per sector × item × answer key the
/// submitted responses with that key, and under the empty key the item's respondents with the
/// sum and count of number answers. Added to once per response, when it is submitted (its
/// answers never change after), so an aggregate reads a few thousand rows, never every answer.
/// </summary>
public sealed class AssessmentCellCount
{
    public Guid CampaignId { get; set; }

    /// <summary>The respondents' sector; "" for organisations without one.</summary>
    public required string SectorCode { get; set; }
    public Guid ItemId { get; set; }

    /// <summary>The answer key, or "" for the item's row of respondents and numbers.</summary>
    public required string Key { get; set; }
    public int Count { get; set; }
    public double NumberSum { get; set; }
    public int Numbers { get; set; }
}

/// <summary>Every value an answer ever had, version by version.</summary>
public sealed class AssessmentAnswerChange
{
    public Guid Id { get; set; }
    public Guid AnswerId { get; set; }
    public Guid ResponseId { get; set; }
    public int Version { get; set; }
    public required string Value { get; set; }
    public DateTime ChangedAt { get; set; }
    public Guid ChangedByUserId { get; set; }
}

/// <summary>
/// A file uploaded as an answer's evidence, kept in the database as report attachments are (the
/// same checks and limits, <see cref="Reports.AttachmentOptions"/>). The answer's value names it
/// ("evidence:{id}"); an earlier file stays with the earlier value in the answer's history.
/// </summary>
public sealed class AssessmentEvidence
{
    public Guid Id { get; set; }
    public Guid CampaignId { get; set; }
    public Guid ResponseId { get; set; }
    public Guid ItemId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
    public Guid UploadedByUserId { get; set; }
    public DateTime UploadedAt { get; set; }
}
