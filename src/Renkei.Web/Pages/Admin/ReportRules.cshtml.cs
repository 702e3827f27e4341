using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Renkei.Directory;
using Renkei.Reports;

namespace Renkei.Web.Pages.Admin;

/// <summary>
/// Verification levels (検証レベル) and reporting deadlines, edited by platform admins through the
/// same <see cref="ReportRuleEditor"/> as the API; every save is a new version with a reason.
/// One form per rule: a post names its rule in the route, and only that form shows what was
/// typed and its errors, while the others show the stored rule.
/// </summary>
public sealed class ReportRulesModel(ReportRuleEditor editor, ReportAssessor assessor, DirectoryQueries directory) : RenkeiPageModel
{
    [BindProperty]
    public VerificationForm Verification { get; set; } = new();

    [BindProperty]
    public DeadlineForm Deadline { get; set; } = new();

    public List<VerificationRule> VerificationRules { get; private set; } = [];
    public List<DeadlineRule> DeadlineRules { get; private set; } = [];
    public List<SectorView> Sectors { get; private set; } = [];

    /// <summary>The element id of the form whose post failed (it is opened and shows the errors), or null.</summary>
    public string? FailedForm { get; private set; }

    public static string VerificationId(string code) => $"verification-{code}";

    public static string DeadlineId(string code) => $"deadline-{code}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Forbid();

    public async Task<IActionResult> OnPostVerificationAsync(string code, CancellationToken ct)
    {
        // The editor refuses a non-admin the rules: their post is a 403, not a form error.
        if (!await LoadAsync(ct))
        {
            return Forbid();
        }
        FailedForm = VerificationId(code);
        if (!Readable())
        {
            return Page();
        }
        var result = await editor.UpdateVerificationRuleAsync(Caller, code, Verification.ToInput(), ct);
        if (!result.Ok)
        {
            return ShowProblem(result.Problem!, nameof(Verification));
        }
        Flash = L["ReportRules.Saved", code, result.Value!.Version];
        return Redirect($"/Admin/ReportRules#{VerificationId(code)}");
    }

    public async Task<IActionResult> OnPostDeadlineAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Forbid();
        }
        FailedForm = DeadlineId(code);
        if (!Readable())
        {
            return Page();
        }
        var result = await editor.UpdateDeadlineRuleAsync(Caller, code, Deadline.ToInput(), ct);
        if (!result.Ok)
        {
            return ShowProblem(result.Problem!, nameof(Deadline));
        }
        Flash = L["ReportRules.Saved", code, result.Value!.Version];
        return Redirect($"/Admin/ReportRules#{DeadlineId(code)}");
    }

    /// <summary>Edited levels reach reports only through this explicit step (the service never does it silently).</summary>
    public async Task<IActionResult> OnPostReEvaluateAsync(CancellationToken ct)
    {
        var result = await assessor.ReEvaluateAsync(Caller, ct);
        if (!result.Ok)
        {
            if (!await LoadAsync(ct))
            {
                return Forbid();
            }
            FailedForm = "re-evaluate";
            return ShowProblem(result.Problem!, prefix: "");
        }
        Flash = L["ReportRules.ReEvaluated", result.Value.Evaluated, result.Value.Changed];
        return Redirect("/Admin/ReportRules");
    }

    /// <summary>The messages for one field of the failed form ("" for the form as a whole).</summary>
    public List<string> Errors(string key) =>
        ModelState.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];

    /// <summary>What was typed into a field that could not be read, so the person sees and fixes it.</summary>
    public string? Typed(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.AttemptedValue : null;

    /// <summary>The rule's thresholds as the table shows them, labelled as the report form asks for the figures.</summary>
    public List<string> Thresholds(VerificationRule rule)
    {
        var parts = new List<string>();
        if (rule.AnyOutage)
        {
            parts.Add(L["ReportRules.AnyOutage"]);
        }
        void Add(string label, long? minimum)
        {
            if (minimum is { } m)
            {
                parts.Add($"{label} ≥ {m.ToString("N0", CultureInfo.InvariantCulture)}");
            }
        }
        Add(L["Report.UsersAffected"], rule.MinUsers);
        Add(L["Report.DurationMinutes"], rule.MinDurationMinutes);
        Add(L["Report.SupplyShortfallKw"], rule.MinKw);
        Add(L["Report.HouseholdsAffected"], rule.MinHouseholds);
        Add(L["Report.FlightsCancelled"], rule.MinFlightsCancelled);
        Add(L["Report.TrainsCancelled"], rule.MinTrainsCancelled);
        return parts;
    }

    /// <summary>
    /// A number that is not a number binds as "no threshold"; sending that to the service would
    /// silently drop the threshold, so such a post stops here with the field marked.
    /// </summary>
    private bool Readable()
    {
        foreach (var entry in ModelState.Values.Where(e => e.Errors.Count > 0))
        {
            entry.Errors.Clear();
            entry.Errors.Add(L["Report.ValueUnreadable"]);
        }
        return ModelState.IsValid;
    }

    /// <summary>Loads the rules for editing; false when the editor refuses the caller.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var rules = await editor.ForEditingAsync(Caller, ct);
        if (!rules.Ok)
        {
            return false;
        }
        (VerificationRules, DeadlineRules) = (rules.Value!.VerificationRules, rules.Value.DeadlineRules);
        Sectors = await directory.SectorsAsync(Caller, ct);
        return true;
    }

    /// <summary>The verification form's fields; plain (no annotations), so the service alone judges them.</summary>
    public sealed class VerificationForm
    {
        public string? DescriptionJa { get; set; }
        public string? DescriptionEn { get; set; }
        public List<string> Scopes { get; set; } = [];
        public bool AnyOutage { get; set; }
        public long? MinUsers { get; set; }
        public int? MinDurationMinutes { get; set; }
        public long? MinKw { get; set; }
        public long? MinHouseholds { get; set; }
        public int? MinFlightsCancelled { get; set; }
        public int? MinTrainsCancelled { get; set; }
        public int? Version { get; set; }
        public string? Reason { get; set; }

        public static VerificationForm From(VerificationRule r) => new()
        {
            DescriptionJa = r.DescriptionJa,
            DescriptionEn = r.DescriptionEn,
            Scopes = [.. r.ScopeList],
            AnyOutage = r.AnyOutage,
            MinUsers = r.MinUsers,
            MinDurationMinutes = r.MinDurationMinutes,
            MinKw = r.MinKw,
            MinHouseholds = r.MinHouseholds,
            MinFlightsCancelled = r.MinFlightsCancelled,
            MinTrainsCancelled = r.MinTrainsCancelled,
            Version = r.Version,
        };

        public VerificationRuleInput ToInput() => new()
        {
            DescriptionJa = DescriptionJa ?? "",
            DescriptionEn = DescriptionEn ?? "",
            Scopes = Scopes,
            AnyOutage = AnyOutage,
            MinUsers = MinUsers,
            MinDurationMinutes = MinDurationMinutes,
            MinKw = MinKw,
            MinHouseholds = MinHouseholds,
            MinFlightsCancelled = MinFlightsCancelled,
            MinTrainsCancelled = MinTrainsCancelled,
            Version = Version,
            Reason = Reason,
        };
    }

    public sealed class DeadlineForm
    {
        public int? Hours { get; set; }
        public string? DescriptionJa { get; set; }
        public string? DescriptionEn { get; set; }
        public int? Version { get; set; }
        public string? Reason { get; set; }

        public static DeadlineForm From(DeadlineRule r) => new() { Hours = r.Hours, DescriptionJa = r.DescriptionJa, DescriptionEn = r.DescriptionEn, Version = r.Version };

        public DeadlineRuleInput ToInput() => new()
        {
            Hours = Hours,
            DescriptionJa = DescriptionJa ?? "",
            DescriptionEn = DescriptionEn ?? "",
            Version = Version,
            Reason = Reason,
        };
    }
}
