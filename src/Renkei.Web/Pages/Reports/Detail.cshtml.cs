using Microsoft.AspNetCore.Mvc;
using Renkei.Access;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Indicators;
using Renkei.Notifications;
using Renkei.Reports;

namespace Renkei.Web.Pages.Reports;

/// <summary>A hotline number from the directory: a primary point of contact of a desk on the emergency route.</summary>
public sealed record HotlineNumber(OrganisationRef Organisation, ContactView Contact);

/// <summary>One changed field between a version and the one before it.</summary>
public sealed record FieldChange(string Field, string Before, string After);

/// <summary>
/// One report with everything around it: route, clocks, assessment, versions, question thread,
/// incidents. What the caller sees and may do comes from the services (the view's actions, the
/// reporter as the access policy gives it); each form here posts to the same service the API uses.
/// </summary>
public sealed class DetailModel(
    ReportQueries queries, ReportService reports, ReportAssessor assessor, ReportThread thread, IncidentService incidents, ReportAttachments attachments, DirectoryQueries directory, NotificationService notifications,
    Renkei.Correlation.CorrelationQueries correlations) : RenkeiPageModel
{
    public ReportView Report { get; private set; } = null!;
    public List<ReportVersionView> Versions { get; private set; } = [];
    public Dictionary<int, List<FieldChange>> Changes { get; } = [];
    public List<MessageView> Messages { get; private set; } = [];
    public List<AssessmentView> Assessments { get; private set; } = [];
    public List<HotlineNumber> Hotline { get; } = [];
    public List<SectorView> Sectors { get; private set; } = [];
    public List<IncidentView> LinkedIncidents { get; } = [];
    public List<IncidentView> LinkableIncidents { get; } = [];
    public List<AttachmentView> Attachments { get; private set; } = [];

    /// <summary>The agencies the referral form offers, by directory code, for their names.</summary>
    public Dictionary<string, OrganisationRef> Agencies { get; private set; } = [];

    /// <summary>The report's indicators seen in other records the caller may read ("既出").</summary>
    public Dictionary<(IndicatorType Type, string Value), Renkei.Correlation.IndicatorCorrelation> SeenBefore { get; private set; } = [];

    [BindProperty]
    public ForwardForm Forward { get; set; } = new();

    [BindProperty]
    public AssessForm Assess { get; set; } = new();

    [BindProperty]
    public MessageForm Message { get; set; } = new();

    [BindProperty]
    public Guid? IncidentId { get; set; }

    [BindProperty]
    public AttachForm Attach { get; set; } = new();

    [BindProperty]
    public ReferForm Refer { get; set; } = new();

    /// <summary>A referral as the form posts it: "kind:agency" (e.g. crime_report:npa) and a note.</summary>
    public sealed class ReferForm
    {
        public string? Target { get; set; }
        public string? Note { get; set; }
    }

    public sealed class AttachForm
    {
        public IFormFile? File { get; set; }
    }

    public sealed class ForwardForm
    {
        public string? Annotation { get; set; }
    }

    public sealed class AssessForm
    {
        public int? Continuity { get; set; }
        public int? Safety { get; set; }
        public int? Trust { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class MessageForm
    {
        public string? Body { get; set; }
        public bool OnBehalfOfReporter { get; set; }
    }

    /// <summary>
    /// Which forms to offer comes from the report's actions (<see cref="ReportRules"/>), the same
    /// rules the services apply on posting; this only spares people a form that would be refused.
    /// </summary>
    public bool CanWriteThread => Report.Actions.Message;

    public bool CanAnswerOnBehalf => Report.Actions.AnswerOnBehalf;

    public bool CanAttach => Report.Actions.Attach;

    public bool CanConsolidate => IncidentService.CanManage(Caller) && Report.State != ReportState.Draft;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var visible = await queries.FindAsync(Caller, id, ct);
        if (visible is null)
        {
            return NotFound();
        }
        var report = await queries.GetAsync(visible, ct);
        await LoadAsync(visible, report, ct);
        // Whoever opens the report has seen what their notifications about it said.
        await notifications.MarkAllReadAsync(Caller, id, ct);
        if (report.Severity.CanAssess)
        {
            // The form starts from the latest assessment, or from the figures' suggestion per perspective.
            var suggested = SeverityAdvisor.Suggest(report.Content, report.Verification.Exceeded);
            Assess = Assessments.FirstOrDefault() is { } latest
                ? new AssessForm { Continuity = latest.Continuity, Safety = latest.Safety, Trust = latest.Trust }
                : new AssessForm { Continuity = suggested.Continuity, Safety = suggested.Safety, Trust = suggested.Trust };
        }
        return Page();
    }

    public Task<IActionResult> OnPostAcknowledgeAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => reports.AcknowledgeAsync(Caller, id, ct), L["Report.Acknowledged"], "", null, ct);

    public Task<IActionResult> OnPostForwardAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => reports.ForwardAsync(Caller, id, Forward.Annotation, ct), L["Report.Forwarded"], "Forward", null, ct);

    public Task<IActionResult> OnPostReferAsync(Guid id, CancellationToken ct)
    {
        var parts = (Refer.Target ?? "").Split(':', 2);
        var input = new ReferralInput
        {
            Kind = Renkei.Common.EnumText.TryParse<ReferralKind>(parts[0], out var kind) ? kind : null,
            Agency = parts.Length == 2 ? parts[1] : "",
            Note = Refer.Note,
        };
        return ActAsync(id, () => reports.ReferAsync(Caller, id, input, ct), L["Report.Referred"], "Refer", "route", ct);
    }

    public Task<IActionResult> OnPostSubmitAsync(Guid id, int? version, CancellationToken ct) =>
        ActAsync(id, () => reports.SubmitAsync(Caller, id, version, ct), L["Report.Submitted"], "", null, ct);

    public async Task<IActionResult> OnPostDiscardAsync(Guid id, CancellationToken ct)
    {
        var result = await reports.DeleteDraftAsync(Caller, id, ct);
        if (!result.Ok)
        {
            return await FailAsync(id, result.Problem!, "", ct);
        }
        Flash = L["Report.Discarded"];
        return Redirect("/Reports");
    }

    public Task<IActionResult> OnPostAssessAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => assessor.AssessAsync(Caller, id, new SeverityInput { Continuity = Assess.Continuity, Safety = Assess.Safety, Trust = Assess.Trust, Reason = Assess.Reason }, ct),
            L["Report.Assessed"], "Assess", "assessment", ct);

    /// <summary>The desk's answers to the verification level's qualitative conditions, by condition code ("" = leave as it is).</summary>
    [BindProperty]
    public Dictionary<string, FactAnswer?> DeskFacts { get; set; } = new(StringComparer.Ordinal);

    public Task<IActionResult> OnPostVerificationFactsAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => assessor.StateFactsAsync(Caller, id, new VerificationFactsInput
        {
            Facts = DeskFacts.Where(f => f.Value is not null).Select(f => new VerificationFactInput { Condition = f.Key, Answer = f.Value }).ToList(),
        }, ct), L["Report.DeskFactsStated"], "DeskFacts", "verification", ct);

    public Task<IActionResult> OnPostMessageAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => thread.PostAsync(Caller, id, new MessageInput { Body = Message.Body ?? "", OnBehalfOfReporter = Message.OnBehalfOfReporter }, ct),
            L["Report.MessagePosted"], "Message", "report-thread", ct);

    public async Task<IActionResult> OnPostAttachAsync(Guid id, CancellationToken ct)
    {
        await using var content = Attach.File?.OpenReadStream();
        return await ActAsync(id, () => attachments.UploadAsync(Caller, id, Attach.File?.FileName, Attach.File?.ContentType, content, ct),
            L["Report.Attached"], "Attach", "attachments", ct);
    }

    public Task<IActionResult> OnPostLinkAsync(Guid id, CancellationToken ct)
    {
        if (IncidentId is not { } incident)
        {
            return FailAsync(id, Problem.Invalid("incidentId", "is required"), "", ct);
        }
        return ActAsync(id, () => incidents.LinkAsync(Caller, incident, id, ct), L["Report.Linked"], "", "incidents", ct);
    }

    /// <summary>Runs a desk or reporter action; on success back to the report (post, redirect, get), otherwise the page with the reason.</summary>
    private async Task<IActionResult> ActAsync<T>(Guid id, Func<Task<Result<T>>> action, string done, string prefix, string? anchor, CancellationToken ct)
    {
        var result = await action();
        if (!result.Ok)
        {
            return await FailAsync(id, result.Problem!, prefix, ct);
        }
        Flash = done;
        return Redirect($"/Reports/{id}" + (anchor is null ? "" : "#" + anchor));
    }

    private async Task<IActionResult> FailAsync(Guid id, Problem problem, string prefix, CancellationToken ct)
    {
        var visible = await queries.FindAsync(Caller, id, ct);
        if (visible is null)
        {
            return NotFound();
        }
        await LoadAsync(visible, await queries.ViewAsync(visible, ct), ct);
        return ShowProblem(problem, prefix);
    }

    private async Task LoadAsync(VisibleReport visible, ReportView report, CancellationToken ct)
    {
        Report = report;
        Sectors = await directory.SectorsAsync(Caller, ct);
        SeenBefore = (await correlations.ForReportAsync(visible, 0, IndicatorRules.MaxIndicators, recordRead: false, ct)).Items.ToDictionary(i => (i.Type, i.Value));
        Versions = await queries.VersionsAsync(visible, ct);
        for (var i = 1; i < Versions.Count; i++)
        {
            var (before, after) = (Versions[i - 1].Content, Versions[i].Content);
            Changes[Versions[i].Number] = ReportText.Fields.Where(Versions[i].ChangedFields.Contains)
                .Select(f => new FieldChange(f, ReportText.FieldValue(L, before, f, Sectors), ReportText.FieldValue(L, after, f, Sectors)))
                .ToList();
        }
        Messages = await thread.ReadAsync(visible, ct);
        Assessments = await assessor.HistoryAsync(visible, ct);
        Attachments = await attachments.ListAsync(visible, ct);
        if (report.Route == ReportRoute.Emergency)
        {
            await LoadHotlineAsync(report, ct);
        }
        if (report.Actions.Refer.Count > 0)
        {
            var codes = report.Actions.Refer.SelectMany(k => RouteRules.Instance.Referral(k).Agencies).Distinct().ToList();
            Agencies = await directory.OrganisationsByCodeAsync(Caller, codes, ct);
        }
        if (IncidentService.CanManage(Caller))
        {
            foreach (var incident in await incidents.ListAsync(Caller, ct))
            {
                if (incident.Reports.Any(r => r.Id == report.Id))
                {
                    LinkedIncidents.Add(incident);
                }
                else if (incident.State == IncidentState.Open)
                {
                    LinkableIncidents.Add(incident);
                }
            }
        }
    }

    /// <summary>
    /// The emergency route's phone numbers: the data model has no hotline number of its own yet,
    /// so these are the desks' points of contact that have a phone, as far as the directory lets
    /// the caller see them.
    /// </summary>
    private async Task LoadHotlineAsync(ReportView report, CancellationToken ct)
    {
        foreach (var hop in report.Hops.Where(h => h.Role is HopRole.NationalCentre or HopRole.Ministry))
        {
            var contacts = await directory.ContactsAsync(Caller, hop.Organisation.Id, ct) ?? [];
            foreach (var contact in contacts.Where(c => !string.IsNullOrWhiteSpace(c.Phone)).OrderBy(c => c.Priority))
            {
                Hotline.Add(new HotlineNumber(hop.Organisation, contact));
            }
        }
    }
}
