using Microsoft.AspNetCore.Mvc;
using Renkei.Access;
using Renkei.Advisories;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Notifications;
using Renkei.Web.Pages.Reports;

namespace Renkei.Web.Pages.Advisories;

/// <summary>
/// One advisory: its content, revisions, and what the caller may do with it — the issuer edits,
/// publishes and revises; a recipient organisation acknowledges and responds; the issuing
/// organisation follows every recipient's delivery. Who sees and may do what is decided by the
/// services; each form here posts to the same service the API uses.
/// </summary>
public sealed class DetailModel(AdvisoryService advisories, AdvisoryReceipts receipts, AdvisoryRelay relay, DirectoryQueries directory, NotificationService notifications,
    Renkei.Correlation.CorrelationQueries correlations) : RenkeiPageModel
{
    public const int DeliveryPageSize = 50;

    public AdvisoryView Advisory { get; private set; } = null!;
    public List<AdvisoryRevisionView> Revisions { get; private set; } = [];

    /// <summary>The advisory's indicators seen in other records the caller may read ("既出").</summary>
    public Dictionary<(Renkei.Indicators.IndicatorType Type, string Value), Renkei.Correlation.IndicatorCorrelation> SeenBefore { get; private set; } = [];

    /// <summary>The issuing organisation only; null for everyone else.</summary>
    public DeliveryReport? Deliveries { get; private set; }

    public List<HotlineNumber> Hotline { get; } = [];
    public List<SectorView> Sectors { get; private set; } = [];

    /// <summary>Deliveries filter: the recipients' sector.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    /// <summary>Deliveries filter: only recipients that have not acknowledged.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Pending { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Offset { get; set; }

    [BindProperty]
    public ResponseForm Answer { get; set; } = new();

    [BindProperty]
    public PublishForm Publish { get; set; } = new();

    public sealed class ResponseForm
    {
        public AdvisoryResponse? Response { get; set; }
        public string? Note { get; set; }
    }

    public sealed class PublishForm
    {
        public int? Version { get; set; }
        public string? ChangeNote { get; set; }
    }

    [BindProperty]
    public WithdrawForm Withdraw { get; set; } = new();

    [BindProperty]
    public RelayForm Relay { get; set; } = new();

    public sealed class RelayForm
    {
        public RelayDecision? Action { get; set; }
        public string? Note { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class WithdrawForm
    {
        public int? Version { get; set; }
        public string? Reason { get; set; }
    }

    /// <summary>The issuing organisation's desks change the advisory (the service decides again).</summary>
    public bool IsIssuer => Advisory.OwnerOrganisationId == Caller.OrganisationId && AdvisoryRemit.MayIssue(Caller);

    /// <summary>A recipient organisation's member who may answer for it (viewers and auditors only read).</summary>
    public bool CanAnswer => Advisory.Delivery is not null && AdvisoryReceipts.MayAnswer(Caller);

    public bool Filtered => !string.IsNullOrEmpty(Sector) || Pending;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        // The service records the organisation's first read.
        var advisory = await advisories.ReadAsync(Caller, id, ct);
        if (advisory is null)
        {
            return NotFound();
        }
        await LoadAsync(advisory, ct);
        // Whoever opens the advisory has seen what their notifications about it said.
        await notifications.MarkAllReadAsync(Caller, id, ct);
        if (Advisory.Delivery?.Response is { } response)
        {
            Answer = new ResponseForm { Response = response, Note = Advisory.Delivery.ResponseNote };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct)
    {
        var result = await advisories.PublishAsync(Caller, id, new PublishInput { Version = Publish.Version, ChangeNote = Publish.ChangeNote }, ct);
        return result.Ok ? Done(id, L["Advisory.Published"], null) : await FailAsync(id, result.Problem!, "Publish", ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct)
    {
        var result = await advisories.WithdrawAsync(Caller, id, new WithdrawInput { Version = Withdraw.Version, Reason = Withdraw.Reason }, ct);
        return result.Ok ? Done(id, L["Advisory.WithdrawnFlash"], null) : await FailAsync(id, result.Problem!, "Withdraw", ct);
    }

    public async Task<IActionResult> OnPostRelayAsync(Guid id, CancellationToken ct)
    {
        var result = await relay.DecideAsync(Caller, id, new RelayInput { Action = Relay.Action, Note = Relay.Note, Reason = Relay.Reason }, ct);
        return result.Ok
            ? Done(id, result.Value!.State == RelayState.Held ? L["Advisory.HeldFlash"] : L["Advisory.RelayedFlash"], "relay")
            : await FailAsync(id, result.Problem!, "Relay", ct);
    }

    /// <summary>A desk of a relay point may relay or hold (the service decides again).</summary>
    public bool CanRelay => Advisory.Relay is not null && AdvisoryRelay.MayRelay(Caller) && Advisory.State == AdvisoryState.Published;

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id, CancellationToken ct)
    {
        var result = await receipts.AcknowledgeAsync(Caller, id, ct);
        return result.Ok ? Done(id, L["Advisory.AcknowledgedFlash"], "receipt") : await FailAsync(id, result.Problem!, "", ct);
    }

    public async Task<IActionResult> OnPostRespondAsync(Guid id, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // A response that is not one of the three: refused here, never stored as "no response".
            ModelState.Clear();
            ModelState.AddModelError("Answer.Response", L["Advisory.ValueUnreadable"]);
            return await ReloadAsync(id, ct);
        }
        var result = await receipts.RespondAsync(Caller, id, new ResponseInput { Response = Answer.Response, Note = Answer.Note }, ct);
        return result.Ok ? Done(id, L["Advisory.Responded"], "receipt") : await FailAsync(id, result.Problem!, "Answer", ct);
    }

    /// <summary>A changed content field's label (the API's property names, as the revisions list them).</summary>
    public string FieldLabel(string field) => field switch
    {
        "language" => L["Advisory.Language"],
        "kind" => L["Advisory.Kind"],
        "title" => L["Advisory.Title"],
        "summary" => L["Advisory.Summary"],
        "body" => L["Advisory.Body"],
        "recommendedActions" => L["Advisory.RecommendedActions"],
        "affectedProducts" => L["Advisory.AffectedProducts"],
        "indicators" => L["Report.Indicators"],
        "references" => L["Advisory.References"],
        "validFrom" => L["Advisory.ValidFrom"],
        "validUntil" => L["Advisory.ValidUntil"],
        "alertLevel" => L["AlertLevel.Title"],
        _ => field,
    };

    public string SectorName(string? code) =>
        code is null ? "—" : Sectors.FirstOrDefault(s => s.Code == code) is { } s ? Infrastructure.Ui.Name(s.NameJa, s.NameEn) : code;

    private RedirectResult Done(Guid id, string message, string? anchor)
    {
        Flash = message;
        return Redirect($"/Advisories/{id}" + (anchor is null ? "" : "#" + anchor));
    }

    private async Task<IActionResult> FailAsync(Guid id, Problem problem, string prefix, CancellationToken ct)
    {
        var shown = ShowProblem(problem, prefix);
        return shown is NotFoundResult ? shown : await ReloadAsync(id, ct);
    }

    private async Task<IActionResult> ReloadAsync(Guid id, CancellationToken ct)
    {
        var advisory = await advisories.ReadAsync(Caller, id, ct);
        if (advisory is null)
        {
            return NotFound();
        }
        await LoadAsync(advisory, ct);
        return Page();
    }

    /// <summary>Everything the page shows, from the one handle the policy gave (asked once per view).</summary>
    private async Task LoadAsync(AdvisoryRead read, CancellationToken ct)
    {
        var (visible, advisory) = read;
        Advisory = advisory;
        Sectors = await directory.SectorsAsync(Caller, ct);
        Revisions = await advisories.RevisionsAsync(visible, ct);
        SeenBefore = (await correlations.ForAdvisoryAsync(visible, 0, Renkei.Indicators.IndicatorRules.MaxIndicators, recordRead: false, ct)).Items.ToDictionary(i => (i.Type, i.Value));
        if (advisory.State != AdvisoryState.Draft)
        {
            Deliveries = await receipts.ReportAsync(visible, string.IsNullOrEmpty(Sector) ? null : Sector, Pending ? false : null, Math.Max(0, Offset), DeliveryPageSize, ct: ct);
        }
        if (advisory.Urgency == AdvisoryUrgency.Emergency)
        {
            await LoadHotlineAsync(advisory, ct);
        }
    }

    /// <summary>
    /// The issuer's phone numbers for an emergency advisory: its points of contact that have a
    /// phone, as far as the directory lets the caller see them (there is no hotline number of its
    /// own in the data model yet).
    /// </summary>
    private async Task LoadHotlineAsync(AdvisoryView advisory, CancellationToken ct)
    {
        var contacts = await directory.ContactsAsync(Caller, advisory.OwnerOrganisationId, ct) ?? [];
        var issuer = new OrganisationRef(advisory.OwnerOrganisationId, null, advisory.OwnerNameJa, advisory.OwnerNameEn);
        foreach (var contact in contacts.Where(c => !string.IsNullOrWhiteSpace(c.Phone)).OrderBy(c => c.Priority))
        {
            Hotline.Add(new HotlineNumber(issuer, contact));
        }
    }
}
