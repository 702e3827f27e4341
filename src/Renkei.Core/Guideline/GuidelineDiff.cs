using Renkei.Assessments;

namespace Renkei.Guideline;

public sealed record ItemChange(string Code, List<string> Fields, GuidelineItemView Before, GuidelineItemView After);

public sealed record GuidelineDiffView(int FromVersion, Guid FromId, int ToVersion, Guid ToId, List<GuidelineItemView> Added, List<GuidelineItemView> Removed, List<ItemChange> Changed)
{
    /// <summary>
    /// Whether the frame of the guideline changed: the abstract content of an item to consider
    /// (added, removed, reworded or placed differently). Only a revision (改定) does that; an
    /// addendum (追補版) changes the rest (seed 002 l.1200-1205).
    /// </summary>
    public bool FrameChanged =>
        Added.Concat(Removed).Any(i => i.Classification == ItemClassification.ToConsider)
        || Changed.Any(c => (c.Before.Classification == ItemClassification.ToConsider || c.After.Classification == ItemClassification.ToConsider)
            && c.Fields.Any(f => f is "textJa" or "textEn" or "classification" or "parent"));

    public bool Empty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;
}

/// <summary>Compares two versions of the guideline item by item (items are matched by code).</summary>
public static class GuidelineComparison
{
    public static GuidelineDiffView Diff(GuidelineVersion from, GuidelineVersion to)
    {
        var before = from.Items.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var after = to.Items.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var added = to.Items.Where(i => !before.ContainsKey(i.Code)).OrderBy(i => i.Position).Select(GuidelineItemView.Of).ToList();
        var removed = from.Items.Where(i => !after.ContainsKey(i.Code)).OrderBy(i => i.Position).Select(GuidelineItemView.Of).ToList();
        var changed = to.Items.Where(i => before.ContainsKey(i.Code)).OrderBy(i => i.Position)
            .Select(i => (Item: i, Fields: ChangedFields(before[i.Code], i)))
            .Where(x => x.Fields.Count > 0)
            .Select(x => new ItemChange(x.Item.Code, x.Fields, GuidelineItemView.Of(before[x.Item.Code]), GuidelineItemView.Of(x.Item)))
            .ToList();
        return new GuidelineDiffView(from.Version, from.RevisionId, to.Version, to.RevisionId, added, removed, changed);
    }

    /// <summary>The fields of an item that differ between two versions (position is layout, not content).</summary>
    public static List<string> ChangedFields(AssessmentItem a, AssessmentItem b)
    {
        var fields = new List<string>();
        void Check(string name, object? x, object? y)
        {
            if (!Equals(x, y))
            {
                fields.Add(name);
            }
        }
        Check("parent", a.ParentCode, b.ParentCode);
        Check("classification", a.Classification, b.Classification);
        Check("textJa", a.TextJa, b.TextJa);
        Check("textEn", a.TextEn, b.TextEn);
        Check("concreteJa", a.ConcreteJa, b.ConcreteJa);
        Check("concreteEn", a.ConcreteEn, b.ConcreteEn);
        Check("guidanceJa", a.GuidanceJa, b.GuidanceJa);
        Check("guidanceEn", a.GuidanceEn, b.GuidanceEn);
        return fields;
    }

    /// <summary>Why a version of this kind cannot follow the previous one, or null when it may.</summary>
    public static string? KindMismatch(RevisionKind kind, GuidelineDiffView? diff) => (kind, diff) switch
    {
        (RevisionKind.Initial, not null) => "an initial version exists already: publish a revision or an addendum",
        (not RevisionKind.Initial, null) => "the first version of the guideline is initial",
        (_, { Empty: true }) => null,
        (RevisionKind.Revision, { FrameChanged: false }) => "a revision (改定) changes the abstract content of items to consider; this change is an addendum",
        (RevisionKind.Addendum, { FrameChanged: true }) => "an addendum (追補版) leaves the abstract content of items to consider as it is; this change is a revision",
        _ => null,
    };
}
