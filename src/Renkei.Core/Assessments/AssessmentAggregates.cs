using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renkei.Access;
using Renkei.Common;
using Renkei.Directory.Csv;
using Renkei.Storage;

namespace Renkei.Assessments;

/// <summary>
/// Aggregates that protect respondents: per sector × item distributions of submitted responses,
/// each cell withheld below the minimum cell size k, and further cells withheld where the
/// national figure minus the shown sectors would give away a group smaller than k. Only sector
/// and national cells exist: there are no free filters whose difference could isolate one
/// operator.
/// </summary>
public sealed class AssessmentAggregates(RenkeiDbContext db, AccessPolicy access, IOptions<AssessmentOptions> options)
{
    private int K => options.Value.MinimumCellSize;

    /// <summary>Aggregates are read by the national centre, the ministries and the campaign owner.</summary>
    public static bool ReadsAggregates(Caller caller, AssessmentCampaign campaign) =>
        AssessmentService.ReadsEveryCampaign(caller) || caller.OrganisationId == campaign.OwnerOrganisationId;

    public async Task<Result<AggregateView>> AggregatesAsync(Caller caller, Guid campaignId, CancellationToken ct = default)
    {
        var campaign = await access.AssessmentCampaigns(caller).AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null)
        {
            return Problem.NotFound("The campaign");
        }
        if (!ReadsAggregates(caller, campaign))
        {
            return Problem.Forbidden("Aggregates are read by the national centre, the ministries and the campaign owner; a respondent reads its gap view.");
        }
        var previous = await access.AssessmentPreviousCampaignAsync(campaign, ct);
        if (!Published(campaign))
        {
            return new AggregateView(campaignId, K, [], false, previous?.Id);
        }
        return new AggregateView(campaignId, K, WithPrevious(await CellsAsync(campaign, null, ct), previous is null ? null : await CellsAsync(previous, null, ct)), true, previous?.Id);
    }

    /// <summary>
    /// Figures are published once the campaign is closed, never while answers come in: two reads
    /// on either side of one submission would differ by exactly that operator's answers. After
    /// closing no answer changes, so every read shows the same protected figures.
    /// </summary>
    public static bool Published(AssessmentCampaign campaign) => campaign.State == CampaignState.Closed;

    /// <summary>The respondent's own answers beside its sector's distribution (withheld below k like any cell, and until the campaign closes).</summary>
    public async Task<Result<GapView>> GapViewAsync(Caller caller, Guid campaignId, CancellationToken ct = default)
    {
        var campaign = await access.AssessmentCampaigns(caller).AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null)
        {
            return Problem.NotFound("The campaign");
        }
        var org = caller.OrganisationId;
        var response = await access.AssessmentResponses(caller).AsNoTracking().FirstOrDefaultAsync(r => r.CampaignId == campaignId && r.OrganisationId == org, ct);
        if (response is null)
        {
            return Problem.NotFound("The organisation's response");
        }
        var responseId = response.Id;
        var own = await access.AssessmentAnswers(caller).AsNoTracking().Where(a => a.ResponseId == responseId).ToDictionaryAsync(a => a.ItemId, a => a.Value, ct);
        var items = await db.AssessmentItems.AsNoTracking().Where(i => i.FrameworkId == campaign.FrameworkId).OrderBy(i => i.Position).ToListAsync(ct);
        var codes = items.Select(i => (i.Id, i.Code)).ToList();
        var previous = await access.AssessmentPreviousCampaignAsync(campaign, ct);
        var previousCells = previous is null ? null : (await CellsAsync(previous, previous.FrameworkId == campaign.FrameworkId ? codes : null, ct)).Where(c => c.SectorCode == response.SectorCode && c.SectorCode is not null).ToList();
        var published = Published(campaign);
        var current = published ? await CellsAsync(campaign, codes, ct) : [];
        var cells = WithPrevious(current.Where(c => c.SectorCode == response.SectorCode && c.SectorCode is not null).ToList(), previousCells)
            .ToDictionary(c => c.Item, StringComparer.Ordinal);
        var earlier = previousCells?.ToDictionary(c => c.Item, StringComparer.Ordinal);
        return new GapView(campaignId, response.SectorCode, items.Select(i => new GapItem(i.Code,
            own.TryGetValue(i.Id, out var v) ? AssessmentService.Json(v) : null,
            cells.TryGetValue(i.Code, out var cell) ? cell : new AggregateCell(response.SectorCode, i.Code, true, null, null, null, earlier?.GetValueOrDefault(i.Code) is { } p ? Previous(p) : null))).ToList(),
            published, previous?.Id);
    }

    /// <summary>
    /// Sets each cell's figures of the previous campaign beside it, matched by sector and item
    /// code (the framework version may differ). Those were computed, and withheld below k, for
    /// the previous campaign on its own, so nothing is shown that its own aggregate does not show.
    /// </summary>
    private static List<AggregateCell> WithPrevious(List<AggregateCell> cells, List<AggregateCell>? previous)
    {
        if (previous is null)
        {
            return cells;
        }
        var earlier = previous.ToDictionary(c => (c.SectorCode, c.Item));
        return cells.Select(c => earlier.TryGetValue((c.SectorCode, c.Item), out var p) ? c with { Previous = Previous(p) } : c).ToList();
    }

    private static PreviousCell Previous(AggregateCell p) => new(p.Withheld, p.Respondents, p.Values, p.Mean);

    public async Task<Result<byte[]>> CsvAsync(Caller caller, Guid campaignId, CancellationToken ct = default)
    {
        var view = await AggregatesAsync(caller, campaignId, ct);
        if (!view.Ok)
        {
            return view.Problem!;
        }
        if (!view.Value!.Published)
        {
            return Problem.Conflict("The aggregates are published when the campaign closes.");
        }
        var rows = view.Value!.Cells.SelectMany(c => c.Withheld || c.Values is null || c.Values.Count == 0
            ? [(IReadOnlyList<string?>)[c.SectorCode ?? "national", c.Item, c.Withheld ? "withheld" : "shown", c.Withheld ? "" : c.Respondents?.ToString(CultureInfo.InvariantCulture), "", "", "", c.Mean?.ToString("R", CultureInfo.InvariantCulture)]]
            : c.Values.Select(v => (IReadOnlyList<string?>)[c.SectorCode ?? "national", c.Item, "shown", c.Respondents?.ToString(CultureInfo.InvariantCulture), v.Key, v.Count.ToString(CultureInfo.InvariantCulture), v.Share.ToString("0.####", CultureInfo.InvariantCulture), c.Mean?.ToString("R", CultureInfo.InvariantCulture)]));
        return CsvFile.Write(["sector", "item", "status", "respondents", "value", "count", "share", "mean"], rows);
    }

    /// <summary>Response rate per sector; the owner also sees who has not submitted.</summary>
    public async Task<Result<ResponseRateView>> ResponseRateAsync(Caller caller, Guid campaignId, CancellationToken ct = default)
    {
        var campaign = await access.AssessmentCampaigns(caller).AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null)
        {
            return Problem.NotFound("The campaign");
        }
        if (!ReadsAggregates(caller, campaign))
        {
            return Problem.Forbidden("Response rates are read by the national centre, the ministries and the campaign owner.");
        }
        var orgs = await access.AssessmentAudienceAsync(campaign, ct);
        var sectors = orgs.GroupBy(o => o.SectorCode).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var submitted = g.Count(o => o.State is ResponseState.Submitted or ResponseState.Reviewed);
            return new SectorRate(g.Key, g.Count(), g.Count(o => o.State is not null), submitted, g.Any() ? Math.Round((double)submitted / g.Count(), 4) : 0);
        }).ToList();
        var pending = caller.OrganisationId == campaign.OwnerOrganisationId
            ? orgs.Where(o => o.State is null or ResponseState.Draft).OrderBy(o => o.SectorCode, StringComparer.Ordinal).ThenBy(o => o.NameJa, StringComparer.Ordinal)
                .Select(o => new PendingOrganisation(o.OrganisationId, o.NameJa, o.NameEn, o.SectorCode, o.State)).ToList()
            : null;
        return new ResponseRateView(campaignId, sectors, pending);
    }

    /// <summary>The campaign's protected cells; <paramref name="known"/> is its framework's items (id, code) in order when the caller has them already.</summary>
    private async Task<List<AggregateCell>> CellsAsync(AssessmentCampaign campaign, List<(Guid Id, string Code)>? known, CancellationToken ct)
    {
        var k = K;
        var counts = await access.AssessmentCountsAsync(campaign.Id, ct);
        var items = known ?? (await db.AssessmentItems.AsNoTracking().Where(i => i.FrameworkId == campaign.FrameworkId).OrderBy(i => i.Position)
            .Select(i => new { i.Id, i.Code }).ToListAsync(ct)).Select(i => (i.Id, i.Code)).ToList();
        var keys = counts.Keys.ToLookup(c => (c.SectorCode, c.ItemId));
        var bySector = counts.Items.ToLookup(c => c.ItemId);
        var keysByItem = counts.Keys.ToLookup(c => c.ItemId);
        var cells = new List<AggregateCell>();
        foreach (var item in items)
        {
            var sectorCells = bySector[item.Id].OrderBy(c => c.SectorCode, StringComparer.Ordinal).ToList();
            var withheld = sectorCells.Where(c => c.Respondents < k).Select(c => c.SectorCode).ToHashSet();
            // Complementary suppression: the national figure minus the shown sectors must not
            // reveal a group below k, so withhold the smallest shown cells until it cannot.
            var national = sectorCells.Sum(c => c.Respondents);
            var shownNational = national >= k;
            while (true)
            {
                var hidden = sectorCells.Where(c => withheld.Contains(c.SectorCode)).Sum(c => c.Respondents);
                if (!shownNational || hidden == 0 || hidden >= k)
                {
                    break;
                }
                var next = sectorCells.Where(c => !withheld.Contains(c.SectorCode)).OrderBy(c => c.Respondents).FirstOrDefault();
                if (next is null)
                {
                    break;
                }
                withheld.Add(next.SectorCode);
            }
            foreach (var c in sectorCells)
            {
                cells.Add(withheld.Contains(c.SectorCode)
                    ? new AggregateCell(c.SectorCode, item.Code, true, null, null, null)
                    : Cell(c.SectorCode, item.Code, c.Respondents, keys[(c.SectorCode, item.Id)].GroupBy(x => x.Key).Select(g => (g.Key, g.Sum(x => x.Count))), c.NumberSum, c.Numbers));
            }
            cells.Add(shownNational
                ? Cell(null, item.Code, national, keysByItem[item.Id].GroupBy(x => x.Key).Select(g => (g.Key, g.Sum(x => x.Count))), sectorCells.Sum(c => c.NumberSum ?? 0), sectorCells.Sum(c => c.Numbers))
                : new AggregateCell(null, item.Code, true, null, null, null));
        }
        return cells;
    }

    private static AggregateCell Cell(string? sector, string item, int respondents, IEnumerable<(string Key, int Count)> values, double? sum, int numbers) =>
        new(sector, item, false, respondents,
            values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => new AggregateValue(v.Key, v.Count, Math.Round((double)v.Count / respondents, 4))).ToList(),
            numbers > 0 ? sum / numbers : null);
}
