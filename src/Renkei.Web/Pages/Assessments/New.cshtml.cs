using Microsoft.AspNetCore.Mvc;
using Renkei.Access;
using Renkei.Assessments;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Web.Pages.Advisories;

namespace Renkei.Web.Pages.Assessments;

/// <summary>
/// A new campaign: a framework version × audience × period (JST dates), owned by the caller's
/// organisation. Who may run one and what is valid is the service's; this page turns its verdict
/// into errors beside the fields.
/// </summary>
public sealed class NewModel(AssessmentService assessments, DirectoryQueries directory, TimeProvider time) : RenkeiPageModel
{
    private const int AudienceRows = 3;

    /// <summary>The audience kinds a campaign may go to (the service refuses users, communities and recipient lists).</summary>
    public static readonly AudienceKind[] Kinds = [AudienceKind.AllCi, AudienceKind.Sector, AudienceKind.BusinessScope, AudienceKind.Ceptoar, AudienceKind.Organisation];

    [BindProperty]
    public CampaignForm Input { get; set; } = new();

    public List<FrameworkSummary> Frameworks { get; private set; } = [];
    public List<SectorView> Sectors { get; private set; } = [];
    public List<CeptoarView> Ceptoars { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!AssessmentService.RunsCampaigns(Caller))
        {
            return Forbid();
        }
        var today = DateOnly.FromDateTime(Clock.ToJst(Clock.UtcNow(time)).DateTime);
        Input = new CampaignForm { OpensOn = today, ClosesOn = today.AddMonths(1) };
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await assessments.CreateCampaignAsync(Caller, Input.ToInput(), ct);
        if (result.Ok)
        {
            Flash = L["Assessments.CreatedFlash"];
            return Redirect($"/Assessments/{result.Value!.Id}");
        }
        var shown = ShowProblem(Input.Rename(result.Problem!));
        await LoadAsync(ct);
        return shown;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Frameworks = await assessments.FrameworksAsync(ct);
        Sectors = await directory.SectorsAsync(Caller, ct);
        Ceptoars = await directory.CeptoarsAsync(Caller, null, ct);
        while (Input.Audience.Count < AudienceRows)
        {
            Input.Audience.Add(new AudienceRow());
        }
    }
}

/// <summary>The campaign form: the period as JST dates, the audience as rows.</summary>
public sealed class CampaignForm
{
    public Guid? FrameworkId { get; set; }
    public string? TitleJa { get; set; }
    public string? TitleEn { get; set; }

    /// <summary>Answers are accepted from the start of this day (JST).</summary>
    public DateOnly? OpensOn { get; set; }

    /// <summary>Answers are accepted until the end of this day (JST).</summary>
    public DateOnly? ClosesOn { get; set; }

    public List<AudienceRow> Audience { get; set; } = [];

    /// <summary>The sent rows' positions, so that the service's audience[i] errors land on the row typed.</summary>
    private List<int> _rows = [];

    public CampaignInput ToInput()
    {
        var rows = Audience.Select((row, i) => (row, i)).Where(x => !x.row.IsBlank).ToList();
        _rows = rows.Select(x => x.i).ToList();
        return new CampaignInput
        {
            FrameworkId = FrameworkId,
            TitleJa = TitleJa,
            TitleEn = TitleEn,
            OpensAt = Utc(OpensOn),
            ClosesAt = Utc(ClosesOn?.AddDays(1)),
            Audience = rows.Select(x => new AudienceEntry { Kind = x.row.Kind, Key = x.row.Key?.Trim() }).ToList(),
        };
    }

    /// <summary>The service's field names as this form's: opensAt → OpensOn, audience[i] → the row typed.</summary>
    public Problem Rename(Problem problem)
    {
        if (problem.Errors is null)
        {
            return problem;
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (field, reasons) in problem.Errors)
        {
            var name = field switch
            {
                "opensAt" => "opensOn",
                "closesAt" => "closesOn",
                _ when field.StartsWith("audience[", StringComparison.Ordinal) && field.IndexOf(']', StringComparison.Ordinal) is var end and > 9
                    && int.TryParse(field[9..end], System.Globalization.CultureInfo.InvariantCulture, out var i) && i < _rows.Count
                    => $"audience[{_rows[i]}]{field[(end + 1)..]}",
                _ => field,
            };
            errors[name] = reasons;
        }
        return problem with { Errors = errors };
    }

    private static DateTime? Utc(DateOnly? date) =>
        date is { } d ? DateTime.SpecifyKind(d.ToDateTime(TimeOnly.MinValue) - Clock.JstOffset, DateTimeKind.Utc) : null;
}
