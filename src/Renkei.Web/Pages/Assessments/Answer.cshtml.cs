using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Renkei.Assessments;
using Renkei.Common;

namespace Renkei.Web.Pages.Assessments;

/// <summary>
/// The organisation's own response: every item of the framework version as a field of its answer
/// type, saved as a draft (all or none), submitted, and shared with the campaign owner or not.
/// Values go to the service as typed; its verdict comes back beside the item it names. Below, the
/// good practices the owner's reviewers proposed from its answers, for its admins and coordinators
/// to consent to (listed anonymised) or decline.
/// </summary>
public sealed class AnswerModel(AssessmentService assessments, EvidenceFiles evidence, GoodPractices practices) : RenkeiPageModel
{
    public CampaignView Campaign { get; private set; } = null!;
    public List<AssessmentItem> Items { get; private set; } = [];
    public ResponseView? Own { get; private set; }

    /// <summary>One field per item, in the items' order.</summary>
    [BindProperty]
    public List<AnswerField> Answers { get; set; } = [];

    [BindProperty]
    public bool Share { get; set; }

    /// <summary>Answers change only in a draft of a campaign that accepts them.</summary>
    public bool ReadOnly => !Campaign.AcceptsAnswers || Own is { State: not ResponseState.Draft };

    public bool MayShare => Own is not null && AssessmentService.SharesResponses(Caller);

    /// <summary>The response's evidence files by the answer that names them (evidence:{id}).</summary>
    public Dictionary<string, EvidenceView> Evidence { get; private set; } = [];

    /// <summary>Good practices proposed from this organisation's answers, awaiting (or carrying) its decision.</summary>
    public List<GoodPracticeView> Proposals { get; private set; } = [];

    /// <summary>Who decides on a proposal, as the service counts them.</summary>
    public bool MayDecide => GoodPractices.Decides(Caller);

    /// <summary>The form field of an evidence item's file.</summary>
    public static string EvidenceField(int index) => $"evidence-{index}";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Answers = Items.Select(i => AnswerField.From(i, Own?.Answers.FirstOrDefault(a => a.Item == i.Code)?.Value)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var (saved, failed) = await SaveAsync(id, ct);
        if (failed is not null)
        {
            return failed;
        }
        Flash = saved is null ? L["Assessments.NothingToSave"] : L["Assessments.SavedFlash"];
        return Redirect($"/Assessments/{id}/Answer");
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var (saved, failed) = await SaveAsync(id, ct);
        if (failed is not null)
        {
            return failed;
        }
        if (saved is null && Own is null)
        {
            ModelState.AddModelError("", L["Assessments.NothingToSave"]);
            return Page();
        }
        var submitted = await assessments.SubmitAsync(Caller, id, saved?.Version ?? Own?.Version, ct);
        if (!submitted.Ok)
        {
            // What was typed is kept as a draft; the refusal (required items missing …) shows at the top.
            await LoadAsync(id, ct);
            var refused = submitted.Problem!;
            return Show(refused.Errors is { Count: > 0 } why ? refused with { Errors = new Dictionary<string, string[]> { [""] = [.. why.SelectMany(e => e.Value)] } } : refused);
        }
        Flash = L["Assessments.SubmittedFlash"];
        return Redirect($"/Assessments/{id}");
    }

    public async Task<IActionResult> OnPostShareAsync(Guid id, CancellationToken ct)
    {
        var result = await assessments.ShareAsync(Caller, id, Share, ct);
        if (result.Ok)
        {
            Flash = Share ? L["Assessments.SharedFlash"] : L["Assessments.UnsharedFlash"];
            return Redirect($"/Assessments/{id}/Answer");
        }
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Answers = Items.Select(i => AnswerField.From(i, Own?.Answers.FirstOrDefault(a => a.Item == i.Code)?.Value)).ToList();
        return Show(result.Problem!);
    }

    /// <summary>The organisation consents to the anonymised listing of a proposal, or declines it (or withdraws consent).</summary>
    public async Task<IActionResult> OnPostDecideAsync(Guid id, Guid practiceId, bool consent, int? version, CancellationToken ct)
    {
        var result = await practices.DecideAsync(Caller, id, practiceId, new GoodPracticeDecisionInput { Consent = consent, Version = version }, ct);
        if (result.Ok)
        {
            Flash = consent ? L["Assessments.ConsentedFlash"] : L["Assessments.DeclinedFlash"];
            return Redirect($"/Assessments/{id}/Answer#good-practices");
        }
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Answers = Items.Select(i => AnswerField.From(i, Own?.Answers.FirstOrDefault(a => a.Item == i.Code)?.Value)).ToList();
        return Show(result.Problem!);
    }

    /// <summary>Saves the filled fields (none filled: nothing to save); a refusal is the page with errors beside the items.</summary>
    private async Task<(ResponseView? Saved, IActionResult? Failed)> SaveAsync(Guid id, CancellationToken ct)
    {
        // Evidence files first, each through the attachments' checks; the item's answer becomes the file.
        var uploaded = new HashSet<int>();
        ResponseView? withFiles = null;
        for (var i = 0; i < Items.Count; i++)
        {
            if (Items[i].AnswerType != AnswerType.Evidence || Request.HasFormContentType is false || Request.Form.Files.GetFile(EvidenceField(i)) is not { } file)
            {
                continue;
            }
            await using var content = file.OpenReadStream();
            var stored = await evidence.UploadAsync(Caller, id, Items[i].Code, file.FileName, file.ContentType, content, ct);
            if (!stored.Ok)
            {
                var refused = stored.Problem!;
                return (null, Show(refused.Errors is { Count: > 0 } why ? refused with { Errors = new Dictionary<string, string[]> { [$"Answers[{i}].Value"] = [.. why.SelectMany(e => e.Value)] } } : refused));
            }
            uploaded.Add(i);
        }
        if (uploaded.Count > 0)
        {
            var own = await assessments.OwnResponseAsync(Caller, id, ct);
            withFiles = own.Ok ? own.Value : null;
        }
        var sent = new List<string>();
        var input = new List<AnswerInput>();
        for (var i = 0; i < Items.Count && i < Answers.Count; i++)
        {
            if (!uploaded.Contains(i) && Answers[i].Item == Items[i].Code && Answers[i].ToJson(Items[i]) is { } value)
            {
                sent.Add(Items[i].Code);
                input.Add(new AnswerInput { Item = Items[i].Code, Value = value });
            }
        }
        if (input.Count == 0)
        {
            return (withFiles, null);
        }
        var result = await assessments.SaveAnswersAsync(Caller, id, new AnswersInput { Answers = input }, ct);
        if (result.Ok)
        {
            return (result.Value, null);
        }
        var problem = result.Problem!;
        if (problem.Errors is { } errors)
        {
            // answers[3].value → the field of the item sent fourth.
            var renamed = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var (field, reasons) in errors)
            {
                var end = field.IndexOf(']', StringComparison.Ordinal);
                var key = field.StartsWith("answers[", StringComparison.Ordinal) && end > 8
                    && int.TryParse(field[8..end], CultureInfo.InvariantCulture, out var n) && n < sent.Count
                    ? $"Answers[{Items.FindIndex(x => x.Code == sent[n])}].Value"
                    : "";
                renamed[key] = [.. renamed.GetValueOrDefault(key, []), .. reasons];
            }
            problem = problem with { Errors = renamed };
        }
        return (null, Show(problem));
    }

    /// <summary>The service's verdict on the page: errors keyed by this form's field names, the rest at the top.</summary>
    private IActionResult Show(Problem problem)
    {
        if (problem.Kind == ProblemKind.NotFound)
        {
            return NotFound();
        }
        ModelState.Clear();
        foreach (var (key, reasons) in problem.Errors ?? new Dictionary<string, string[]>())
        {
            foreach (var reason in reasons)
            {
                ModelState.AddModelError(key, reason);
            }
        }
        if (problem.Errors is not { Count: > 0 })
        {
            ModelState.AddModelError("", problem.Detail);
        }
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var campaign = await assessments.CampaignAsync(Caller, id, ct);
        if (!campaign.Ok || await assessments.FrameworkAsync(campaign.Value!.FrameworkId, ct) is not { } framework)
        {
            return false;
        }
        Campaign = campaign.Value!;
        Items = framework.Items.OrderBy(i => i.Position).ToList();
        var own = await assessments.OwnResponseAsync(Caller, id, ct);
        Own = own.Ok ? own.Value : null;
        Share = Own?.SharedWithOwner ?? false;
        if (Own is not null && Items.Any(i => i.AnswerType == AnswerType.Evidence))
        {
            var files = await evidence.ListAsync(Caller, id, Own.Id, ct);
            Evidence = files.Ok ? files.Value!.ToDictionary(e => EvidenceFiles.Reference(e.Id), StringComparer.Ordinal) : [];
        }
        if (Own is not null)
        {
            // The policy lists an operator only the proposals made from its own answers.
            var proposals = await practices.ListAsync(Caller, id, ct);
            Proposals = proposals.Ok ? proposals.Value!.Where(p => p.ResponseId == Own.Id).ToList() : [];
        }
        return true;
    }
}

/// <summary>One item's field as the form sends it: a single value, or the ticked options of a multi-choice item.</summary>
public sealed class AnswerField
{
    /// <summary>The item's code, sent with every row.</summary>
    public string? Item { get; set; }

    public string? Value { get; set; }
    public List<string> Values { get; set; } = [];

    public static AnswerField From(AssessmentItem item, JsonElement? stored) => stored switch
    {
        null => new AnswerField(),
        { ValueKind: JsonValueKind.Array } v => new AnswerField { Values = v.EnumerateArray().Select(e => e.GetString() ?? "").ToList() },
        { ValueKind: JsonValueKind.String } v => new AnswerField { Value = v.GetString() },
        { } v => new AnswerField { Value = item.AnswerType == AnswerType.Number ? v.GetDouble().ToString("R", CultureInfo.InvariantCulture) : v.GetRawText() },
    };

    /// <summary>
    /// The value to send, or null when the field was left empty. A number that does not parse is
    /// sent as the text typed, so that the service's own check names what is wrong.
    /// </summary>
    public JsonElement? ToJson(AssessmentItem item)
    {
        if (item.AnswerType == AnswerType.MultiChoice)
        {
            var ticked = Values.Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
            return ticked.Count == 0 ? null : JsonSerializer.SerializeToElement(ticked);
        }
        if (string.IsNullOrWhiteSpace(Value))
        {
            return null;
        }
        var text = Value.Trim();
        return item.AnswerType == AnswerType.Number && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            ? JsonSerializer.SerializeToElement(n)
            : JsonSerializer.SerializeToElement(text);
    }
}
