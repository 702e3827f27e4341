using Renkei.Assessments;
using Renkei.Standards;

namespace Renkei.Guideline;

/// <summary>A guideline version with its items, as the services compare them.</summary>
public sealed record GuidelineVersion(Guid RevisionId, Guid FrameworkId, int Version, RevisionKind Kind, DateOnly PublishedOn, List<AssessmentItem> Items);

public sealed record GuidelineItemView(string Code, string? Parent, int Position, ItemClassification? Classification, string TextJa, string TextEn, string? ConcreteJa, string? ConcreteEn, string? GuidanceJa, string? GuidanceEn, string? Seed)
{
    public static GuidelineItemView Of(AssessmentItem i) =>
        new(i.Code, i.ParentCode, i.Position, i.Classification, i.TextJa, i.TextEn, i.ConcreteJa, i.ConcreteEn, i.GuidanceJa, i.GuidanceEn, i.Seed);
}

public sealed record RevisionView(Guid Id, Guid FrameworkId, int Version, RevisionKind Kind, DateOnly PublishedOn, string NoteJa, string NoteEn, string? Seed, int Items, DateTime CreatedAt, Guid? PublishedByUserId);

public sealed record RevisionDetail(RevisionView Revision, string TitleJa, string TitleEn, List<GuidelineItemView> Items);

/// <summary>A new version of the guideline: its kind, date, note and all its items.</summary>
public sealed record PublishInput
{
    public string? Kind { get; init; }
    public DateOnly? PublishedOn { get; init; }
    public string? NoteJa { get; init; }
    public string? NoteEn { get; init; }

    /// <summary>The version this one was made from: publishing refuses when another came out since.</summary>
    public int? Previous { get; init; }
    public List<FrameworkItemDocument>? Items { get; init; }
}

/// <summary>One item's coverage by one document.</summary>
public sealed record CoverageEntryInput
{
    public string? Item { get; init; }
    public string? Level { get; init; }
    public string? Note { get; init; }

    /// <summary>The version of the coverage edited; left out for an item not yet assessed for the document.</summary>
    public int? Version { get; init; }
}

/// <summary>Coverage of one document, against a guideline version (the latest when left out); all or nothing.</summary>
public sealed record CoverageInput
{
    public Guid? StandardId { get; init; }
    public Guid? Revision { get; init; }
    public List<CoverageEntryInput>? Entries { get; init; }
}

public sealed record CoverageView(Guid Id, Guid StandardId, string SectorCode, string Item, string Level, string? Note, int AssessedVersion, DateTime AssessedAt, Guid AssessedByUserId, Guid AssessedByOrganisationId, int Version);

/// <summary>A document's cell of an item: its coverage (null when not assessed), stale when the item changed since.</summary>
public sealed record CoverageCell(Guid StandardId, CoverageView? Coverage, bool Stale);

/// <summary>Where a sector stands on an item, over its documents.</summary>
public enum SectorItemStatus
{
    Covered,
    NotCovered,
    NotRequired,
    Unassessed,
}

public sealed record CoverageRow(GuidelineItemView Item, SectorItemStatus Status, List<CoverageCell> Cells);

public sealed record StandardColumn(Guid Id, StandardKind Kind, string TitleJa, string? TitleEn, string? BusinessScopeCode);

public sealed record SectorCoverageView(string SectorCode, string SectorNameJa, string SectorNameEn, RevisionView Revision, List<StandardColumn> Standards, List<CoverageRow> Rows,
    int Covered, int Required, double? Share, bool MayRecord);

public sealed record NationalSectorRow(string SectorCode, string NameJa, string NameEn, int Standards, List<SectorItemStatus> Statuses, int Covered, int Required, double? Share);

public sealed record NationalItemColumn(GuidelineItemView Item, int SectorsCovered, int SectorsRequired, double? Share);

public sealed record NationalCoverageView(RevisionView Revision, List<NationalItemColumn> Items, List<NationalSectorRow> Sectors);

public sealed record UncoveredItem(GuidelineItemView Item, SectorItemStatus Status, bool New);

public sealed record StaleCoverage(string Item, Guid StandardId, string Level, int AssessedVersion, List<string> ChangedFields);

/// <summary>What a version leaves a sector to do: items no document covers, and coverage assessed before the item changed.</summary>
public sealed record UncoveredView(RevisionView Revision, string SectorCode, List<UncoveredItem> Uncovered, List<StaleCoverage> Stale);
