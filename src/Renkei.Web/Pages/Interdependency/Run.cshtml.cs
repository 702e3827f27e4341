using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.Interdependency.Scenarios;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Pages.Interdependency;

/// <summary>
/// A recorded run drawn like a fresh one, with its exports; with <c>?compare=</c> another run of
/// the organisation beside it (the same scenario before and after an edit, or two scenarios).
/// </summary>
public sealed class RunModel(ScenarioService scenarios, AccessPolicy access) : RenkeiPageModel
{
    public RunView Run { get; private set; } = null!;
    public ResultDisplay Display { get; private set; } = null!;
    public RunView? Other { get; private set; }
    public ResultDisplay? OtherDisplay { get; private set; }

    /// <summary>Other runs of the organisation to compare with, newest first.</summary>
    public IReadOnlyList<(Guid Id, string Label)> Candidates { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public Guid? Compare { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await scenarios.GetRunAsync(Caller, id, ct);
        if (!found.Ok)
        {
            return NotFound();
        }
        var names = await SectorNamesAsync(ct);
        Run = found.Value!;
        Display = new ResultDisplay(ScenarioJson.ReadResult(Run.Result), names) { RunId = Run.Id };
        if (Compare is { } other && other != id && (await scenarios.GetRunAsync(Caller, other, ct)) is { Ok: true } compared)
        {
            Other = compared.Value!;
            OtherDisplay = new ResultDisplay(ScenarioJson.ReadResult(Other.Result), names) { RunId = Other.Id };
        }
        Candidates = (await access.AnalysisRuns(Caller).Where(r => r.Id != id).OrderByDescending(r => r.RanAt).Take(50)
                .Join(access.AnalysisScenarios(Caller), r => r.ScenarioId, s => s.Id, (r, s) => new { r.Id, r.RanAt, s.Name }).ToListAsync(ct))
            .Select(r => (r.Id, $"{r.Name} — {Ui.Jst(r.RanAt)}")).ToList();
        return Page();
    }

    private async Task<Dictionary<string, string>> SectorNamesAsync(CancellationToken ct)
    {
        var english = !Text.InJapanese;
        return await access.Sectors(Caller).ToDictionaryAsync(s => s.Code, s => english ? s.NameEn : s.NameJa, ct);
    }
}
