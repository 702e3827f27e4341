using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.Standards;
using Renkei.Storage;

namespace Renkei.Guideline;

/// <summary>
/// How each sector's safety standards take up the guideline (seed 002 l.972-976, l.1226-1230):
/// per document (①–③, never an operator's internal rules) and item, a coverage level with a note,
/// who assessed it against which guideline version and when, versioned. The ministry in charge
/// and NISC record it (<see cref="Permissions.RecordGuidelineCoverage"/>); reads go through
/// <see cref="AccessPolicy.GuidelineCoverage"/>; every write is audited by SaveChanges.
/// </summary>
public sealed class GuidelineCoverageService(RenkeiDbContext db, AccessPolicy access, GuidelineService guideline, TimeProvider time)
{
    private const int MaxEntries = 500;

    public static IReadOnlyList<CoverageLevel> Levels => GuidelineData.Levels;

    /// <summary>The sector's documents × the version's items, with where the sector stands on each item.</summary>
    public async Task<Result<SectorCoverageView>> SectorAsync(Caller caller, string sector, Guid? revision, CancellationToken ct = default)
    {
        var (version, problem) = await VersionAsync(revision, ct);
        if (problem is not null)
        {
            return problem;
        }
        var place = await access.Sectors(caller).AsNoTracking().FirstOrDefaultAsync(s => s.Code == sector, ct);
        if (place is null)
        {
            return Problem.NotFound("The sector");
        }
        var standards = await StandardsAsync(caller, sector, ct);
        var versions = await guideline.AllVersionsAsync(ct);
        var rows = await access.GuidelineCoverage(caller).AsNoTracking().Where(c => c.SectorCode == sector).ToListAsync(ct);
        var byCell = rows.ToDictionary(c => (c.StandardId, c.ItemCode));
        var lines = version!.Items.Select(item =>
        {
            var cells = standards.Select(s => byCell.TryGetValue((s.Id, item.Code), out var c)
                ? new CoverageCell(s.Id, View(c), IsStale(c, item, versions))
                : new CoverageCell(s.Id, null, false)).ToList();
            return new CoverageRow(GuidelineItemView.Of(item), Status(cells.Select(c => c.Coverage)), cells);
        }).ToList();
        var (covered, required, share) = Share(lines.Select(l => l.Status));
        return new SectorCoverageView(place.Code, place.NameJa, place.NameEn, await RevisionViewAsync(version, ct),
            standards.Select(s => new StandardColumn(s.Id, s.Kind, s.TitleJa, s.TitleEn, s.BusinessScopeCode)).ToList(),
            lines, covered, required, share, Permissions.RecordGuidelineCoverage(caller, sector));
    }

    /// <summary>Every sector × the version's items: where each sector stands, and the share covered both ways.</summary>
    public async Task<Result<NationalCoverageView>> NationalAsync(Caller caller, Guid? revision, CancellationToken ct = default)
    {
        var (version, problem) = await VersionAsync(revision, ct);
        if (problem is not null)
        {
            return problem;
        }
        var sectors = await access.Sectors(caller).AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync(ct);
        var standards = await access.SafetyStandards(caller).AsNoTracking()
            .Where(s => s.Kind != StandardKind.Internal && s.Status == StandardStatus.Current)
            .Select(s => new { s.Id, s.SectorCode }).ToListAsync(ct);
        var current = standards.Select(s => s.Id).ToHashSet();
        var rows = (await access.GuidelineCoverage(caller).AsNoTracking().ToListAsync(ct)).Where(c => current.Contains(c.StandardId)).ToList();
        var bySector = rows.ToLookup(c => c.SectorCode);
        // Sectors with no document and nothing the caller may read are left out: there is nothing to show for them.
        var visible = bySector.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var sectorRows = sectors.Where(s => visible.Contains(s.Code) || (standards.Any(d => d.SectorCode == s.Code) && AccessPolicy.ReadsGuidelineCoverage(caller, s.Code))).Select(s =>
        {
            var cells = bySector[s.Code].ToLookup(c => c.ItemCode);
            var statuses = version!.Items.Select(i => Status(cells[i.Code].Select(View))).ToList();
            var (covered, required, share) = Share(statuses);
            return new NationalSectorRow(s.Code, s.NameJa, s.NameEn, standards.Count(d => d.SectorCode == s.Code), statuses, covered, required, share);
        }).ToList();
        var items = version!.Items.Select((item, i) =>
        {
            var (covered, required, share) = Share(sectorRows.Select(r => r.Statuses[i]));
            return new NationalItemColumn(GuidelineItemView.Of(item), covered, required, share);
        }).ToList();
        return new NationalCoverageView(await RevisionViewAsync(version, ct), items, sectorRows);
    }

    /// <summary>
    /// What version <paramref name="revision"/> leaves the sector to do: items no current document
    /// covers (new ones marked), and coverage assessed against an earlier version in which the
    /// item read differently (stale: assess it again).
    /// </summary>
    public async Task<Result<UncoveredView>> UncoveredAsync(Caller caller, Guid revision, string? sector, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(sector))
        {
            return Problem.Invalid("sector", "is required");
        }
        var version = await guideline.VersionAsync(revision, ct);
        if (version is null)
        {
            return Problem.NotFound("The guideline version");
        }
        var matrix = await SectorAsync(caller, sector, revision, ct);
        if (!matrix.Ok)
        {
            return matrix.Problem!.Kind == ProblemKind.NotFound ? Problem.Invalid("sector", Text.T("'{0}' is not a sector code", sector)) : matrix.Problem!;
        }
        var versions = await guideline.AllVersionsAsync(ct);
        var previous = versions.Values.Where(v => v.Version < version.Version).MaxBy(v => v.Version);
        var before = previous?.Items.Select(i => i.Code).ToHashSet(StringComparer.Ordinal) ?? [];
        var uncovered = matrix.Value!.Rows.Where(r => r.Status is SectorItemStatus.NotCovered or SectorItemStatus.Unassessed)
            .Select(r => new UncoveredItem(r.Item, r.Status, previous is not null && !before.Contains(r.Item.Code))).ToList();
        var items = version.Items.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var stale = matrix.Value.Rows.SelectMany(r => r.Cells.Where(c => c.Stale).Select(c => new StaleCoverage(r.Item.Code, c.StandardId, c.Coverage!.Level, c.Coverage.AssessedVersion,
            ChangedSince(c.Coverage!.Item, c.Coverage.AssessedVersion, items[r.Item.Code], versions)))).ToList();
        return new UncoveredView(matrix.Value.Revision, sector, uncovered, stale);
    }

    /// <summary>
    /// Records the coverage of one document's items against a guideline version (the latest when
    /// left out), all or nothing: an unknown item or level names its entry's field (400); an entry
    /// edited from an older version of its coverage names its version field (409).
    /// </summary>
    public async Task<Result<List<CoverageView>>> RecordAsync(Caller caller, CoverageInput input, CancellationToken ct = default)
    {
        if (input.StandardId is null)
        {
            return Problem.Invalid("standardId", "is required");
        }
        var standardId = input.StandardId.Value;
        var standard = await access.SafetyStandards(caller).AsNoTracking().FirstOrDefaultAsync(s => s.Id == standardId, ct);
        if (standard is null || standard.Kind == StandardKind.Internal)
        {
            return Problem.Invalid("standardId", "is not a sector safety standard (mandatory, recommended or industry) the caller can see");
        }
        if (!Permissions.RecordGuidelineCoverage(caller, standard.SectorCode))
        {
            return Problem.Forbidden("Only the ministry in charge of the sector and the national centre (admins, coordinators) record how its standards cover the guideline.");
        }
        var (version, problem) = await VersionAsync(input.Revision, ct);
        if (problem is not null)
        {
            return problem.Kind == ProblemKind.NotFound ? Problem.Invalid("revision", "is not a version of the guideline") : problem;
        }
        var items = version!.Items.Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        var entries = input.Entries ?? [];
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (entries.Count is 0 or > MaxEntries)
        {
            InputValidation.Add(errors, "entries", Text.T("must hold 1 to {0} entries", MaxEntries));
        }
        var existing = await access.GuidelineCoverage(caller).Where(c => c.StandardId == standardId).ToDictionaryAsync(c => c.ItemCode, StringComparer.Ordinal, ct);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stale = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var at = $"entries[{i}].";
            if (e.Item is null || !items.Contains(e.Item))
            {
                InputValidation.Add(errors, at + "item", Text.T("'{0}' is not an item of guideline version {1}", e.Item ?? "", version.Version));
                continue;
            }
            if (!seen.Add(e.Item))
            {
                InputValidation.Add(errors, at + "item", "is given twice in this request");
                continue;
            }
            if (GuidelineData.Level(e.Level) is null)
            {
                InputValidation.Add(errors, at + "level", Text.T("must be one of: {0}", string.Join(", ", Levels.Select(l => l.Code))));
            }
            if (e.Note is { Length: > 2000 })
            {
                InputValidation.Add(errors, at + "note", "must be at most 2000 characters");
            }
            if (existing.TryGetValue(e.Item, out var row))
            {
                if (e.Version is null)
                {
                    InputValidation.Add(errors, at + "version", Text.T("is required: the item was assessed for this document already (version {0})", row.Version));
                }
                else if (e.Version != row.Version)
                {
                    stale[at + "version"] = [Text.T("is {0}, the coverage is now at version {1}", e.Version.Value, row.Version)];
                }
            }
            else if (e.Version is not null)
            {
                InputValidation.Add(errors, at + "version", "must be left out: the item has not been assessed for this document yet");
            }
        }
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        if (stale.Count > 0)
        {
            return StaleEntries(stale);
        }
        var now = Clock.UtcNow(time);
        foreach (var e in entries)
        {
            var note = string.IsNullOrWhiteSpace(e.Note) ? null : e.Note.Trim();
            if (existing.TryGetValue(e.Item!, out var row))
            {
                if (row.Level == e.Level && row.Note == note && row.AssessedVersion == version.Version)
                {
                    continue;
                }
                row.Level = e.Level!;
                row.Note = note;
                row.AssessedVersion = version.Version;
                row.AssessedAt = now;
                row.AssessedByUserId = caller.UserId;
                row.AssessedByOrganisationId = caller.OrganisationId;
                row.Version++;
            }
            else
            {
                row = new GuidelineCoverage
                {
                    Id = Guid.CreateVersion7(),
                    StandardId = standardId,
                    SectorCode = standard.SectorCode,
                    ItemCode = e.Item!,
                    Level = e.Level!,
                    Note = note,
                    AssessedVersion = version.Version,
                    AssessedAt = now,
                    AssessedByUserId = caller.UserId,
                    AssessedByOrganisationId = caller.OrganisationId,
                    Version = 1,
                };
                db.GuidelineCoverage.Add(row);
                existing[row.ItemCode] = row;
            }
        }
        try
        {
            // One SaveChanges: every entry, or none.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Problem.Conflict("The coverage was changed by someone else at the same time. Reload it and apply your change again.");
        }
        return existing.Values.OrderBy(c => c.ItemCode, StringComparer.Ordinal).Select(View).ToList();
    }

    private static Problem StaleEntries(Dictionary<string, string[]> fields) =>
        new(ProblemKind.Conflict, Text.T("The coverage was changed by someone else since you read it. Reload it and apply your change again."), fields);

    private async Task<List<SafetyStandard>> StandardsAsync(Caller caller, string sector, CancellationToken ct) =>
        (await access.SafetyStandards(caller).AsNoTracking()
            .Where(s => s.SectorCode == sector && s.Kind != StandardKind.Internal && s.Status == StandardStatus.Current).ToListAsync(ct))
            .OrderBy(s => s.Kind).ThenBy(s => s.BusinessScopeCode, StringComparer.Ordinal).ThenBy(s => s.TitleJa, StringComparer.Ordinal).ToList();

    private async Task<(GuidelineVersion?, Problem?)> VersionAsync(Guid? revision, CancellationToken ct)
    {
        var version = revision is null ? await guideline.LatestAsync(ct) : await guideline.VersionAsync(revision.Value, ct);
        return version is null ? (null, Problem.NotFound("The guideline version")) : (version, null);
    }

    private async Task<RevisionView> RevisionViewAsync(GuidelineVersion version, CancellationToken ct) =>
        (await guideline.RevisionViewAsync(version.RevisionId, ct))!;

    /// <summary>Stale: assessed against an earlier version in which the item read differently (or did not exist).</summary>
    private static bool IsStale(GuidelineCoverage c, Assessments.AssessmentItem item, Dictionary<int, GuidelineVersion> versions) =>
        ChangedSince(c.ItemCode, c.AssessedVersion, item, versions).Count > 0;

    private static List<string> ChangedSince(string code, int assessedVersion, Assessments.AssessmentItem now, Dictionary<int, GuidelineVersion> versions)
    {
        if (!versions.TryGetValue(assessedVersion, out var then))
        {
            return ["item"];
        }
        var before = then.Items.FirstOrDefault(i => i.Code == code);
        return before is null ? ["item"] : GuidelineComparison.ChangedFields(before, now);
    }

    /// <summary>Covered when a document covers it; not required when a document says so and none covers it; unassessed when no document was assessed.</summary>
    private static SectorItemStatus Status(IEnumerable<CoverageView?> cells)
    {
        var counts = cells.Where(c => c is not null).Select(c => GuidelineData.Level(c!.Level)?.Count ?? CoverageCount.NotCovered).ToList();
        return counts.Count == 0 ? SectorItemStatus.Unassessed
            : counts.Contains(CoverageCount.Covered) ? SectorItemStatus.Covered
            : counts.Contains(CoverageCount.NotRequired) ? SectorItemStatus.NotRequired
            : SectorItemStatus.NotCovered;
    }

    /// <summary>Items covered over items required (not-required ones leave the denominator).</summary>
    private static (int Covered, int Required, double? Share) Share(IEnumerable<SectorItemStatus> statuses)
    {
        var list = statuses.ToList();
        var covered = list.Count(s => s == SectorItemStatus.Covered);
        var required = list.Count(s => s != SectorItemStatus.NotRequired);
        return (covered, required, required == 0 ? null : Math.Round((double)covered / required, 4));
    }

    private static CoverageView View(GuidelineCoverage c) =>
        new(c.Id, c.StandardId, c.SectorCode, c.ItemCode, c.Level, c.Note, c.AssessedVersion, c.AssessedAt, c.AssessedByUserId, c.AssessedByOrganisationId, c.Version);
}
