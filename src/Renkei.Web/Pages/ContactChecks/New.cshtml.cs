using Microsoft.AspNetCore.Mvc;
using Renkei.Access;
using Renkei.ContactChecks;
using Renkei.Directory;
using Renkei.Web.Pages.Advisories;

namespace Renkei.Web.Pages.ContactChecks;

/// <summary>A new contact check: what the contacts read, the deadline, the schedule and the audience. Every rule is the service's.</summary>
public sealed class NewModel(ContactCheckService checks, DirectoryQueries directory) : RenkeiPageModel
{
    private const int BlankAudienceRows = 3;

    [BindProperty]
    public ContactCheckForm Input { get; set; } = new();

    public List<SectorView> Sectors { get; private set; } = [];
    public List<CeptoarView> Ceptoars { get; private set; } = [];
    public List<CommunityView> Communities { get; private set; } = [];

    /// <summary>What a contact check may address: organisations, never named people.</summary>
    public static readonly AudienceKind[] Kinds = [.. Enum.GetValues<AudienceKind>().Where(k => k != AudienceKind.User)];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!AdvisoryRemit.MayIssue(Caller))
        {
            return Forbid();
        }
        Input = new ContactCheckForm { DeadlineHours = 24, Schedule = ContactCheckSchedule.Now };
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        foreach (var entry in ModelState.Values.Where(e => e.Errors.Count > 0))
        {
            entry.Errors.Clear();
            entry.Errors.Add(L["Advisory.ValueUnreadable"]);
        }
        // Blank rows are not sent, so the service's audience[i] is the i-th row shown again.
        Input.Audience = [.. Input.Audience.Where(r => !r.IsBlank)];
        foreach (var row in Input.Audience.Where(r => r.Kind == AudienceKind.Organisation && !string.IsNullOrWhiteSpace(r.Key) && !Guid.TryParse(r.Key, out _)))
        {
            // Codes are friendlier than ids; resolved through the directory the caller sees.
            var code = row.Key!.Trim();
            var found = (await directory.OrganisationsAsync(Caller, new OrganisationFilter(Text: code), 0, 200, ct)).Items.FirstOrDefault(o => o.Code == code);
            row.Key = found?.Id.ToString("D") ?? code;
        }
        var input = Input.ToInput();
        if (input is null)
        {
            ModelState.AddModelError("Input.StartAt", L["Report.TimeUnreadable"]);
        }
        if (!ModelState.IsValid || input is null)
        {
            await LoadChoicesAsync(ct);
            return Page();
        }
        var result = await checks.CreateAsync(Caller, input, ct);
        if (!result.Ok)
        {
            await LoadChoicesAsync(ct);
            return ShowProblem(result.Problem!);
        }
        Flash = result.Value!.Rounds.Count > 0 ? L["ContactCheck.Sent"] : L["ContactCheck.Scheduled"];
        return Redirect($"/ContactChecks/{result.Value.Id}");
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Sectors = await directory.SectorsAsync(Caller, ct);
        Ceptoars = await directory.CeptoarsAsync(Caller, null, ct);
        Communities = await directory.CommunitiesAsync(Caller, ct);
        while (Input.Audience.Count(r => r.IsBlank) < BlankAudienceRows)
        {
            Input.Audience.Add(new AudienceRow());
        }
    }
}
