using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Renkei.Access;
using Renkei.Common;
using Renkei.ContactChecks;
using Renkei.Directory;

namespace Renkei.Web.Pages.ContactChecks;

/// <summary>
/// One contact check. The issuer sees the report of a round (answered, response times by sector
/// and CEPTOAR, and whom to call); a recipient sees the words and answers for its organisation.
/// </summary>
public sealed class DetailModel(ContactCheckQueries queries, ContactCheckReports reports, ContactCheckService checks, ContactCheckConfirmations confirmations,
    DirectoryQueries directory, TimeProvider time) : RenkeiPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Round { get; set; }

    public ContactCheckView Check { get; private set; } = null!;
    public ContactCheckReport? Report { get; private set; }
    public List<SectorView> Sectors { get; private set; } = [];

    public bool IsIssuer => Check.OwnerOrganisationId == Caller.OrganisationId;
    public bool CanManage => IsIssuer && AdvisoryRemit.MayIssue(Caller);

    /// <summary>The round the caller's organisation can still answer, if it has not.</summary>
    public MyRound? Unanswered { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var check = await queries.GetAsync(Caller, id, ct);
        if (check is null)
        {
            return NotFound();
        }
        await LoadAsync(check, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(Guid id, CancellationToken ct) =>
        Done(id, await checks.SendAsync(Caller, id, ct), L["ContactCheck.Sent"]);

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct) =>
        Done(id, await checks.CancelAsync(Caller, id, ct), L["ContactCheck.CancelledFlash"]);

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct) =>
        Done(id, await confirmations.ConfirmAsync(Caller, id, ct), L["ContactCheck.ConfirmedFlash"]);

    public string SectorName(string? code) =>
        code is null ? "—" : Sectors.FirstOrDefault(s => s.Code == code) is { } s ? Infrastructure.Ui.Name(s.NameJa, s.NameEn) : code;

    /// <summary>A response time as people say it: "45 s", "12 min", "3 h 05 min".</summary>
    public string Duration(int? seconds)
    {
        if (seconds is not { } s)
        {
            return "—";
        }
        var t = TimeSpan.FromSeconds(s);
        return t.TotalMinutes < 1 ? L["ContactCheck.Seconds", s]
            : t.TotalHours < 1 ? L["ContactCheck.Minutes", (int)t.TotalMinutes]
            : L["ContactCheck.HoursMinutes", (int)t.TotalHours, t.Minutes.ToString("00", CultureInfo.InvariantCulture)];
    }

    private IActionResult Done<T>(Guid id, Result<T> result, string message)
    {
        if (result.Problem?.Kind == ProblemKind.NotFound)
        {
            return NotFound();
        }
        // A refusal (a round still open, a deadline passed) is said at the top of the page it came from.
        Flash = result.Ok ? message : result.Problem!.Detail;
        return Redirect($"/ContactChecks/{id}");
    }

    private async Task LoadAsync(ContactCheckView check, CancellationToken ct)
    {
        Check = check;
        var now = Clock.UtcNow(time);
        Unanswered = check.Mine.LastOrDefault(r => r.DeadlineAt > now) is { ConfirmedAt: null } open ? open : null;
        if (IsIssuer)
        {
            Report = await reports.ReportAsync(Caller, check.Id, Round, ct) ?? await reports.ReportAsync(Caller, check.Id, null, ct);
            Sectors = await directory.SectorsAsync(Caller, ct);
        }
    }
}
