using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renkei.Access;
using Renkei.Common;
using Renkei.Identity;
using Renkei.Notifications;
using Renkei.Storage;

namespace Renkei.Reports;

/// <summary>
/// Who hears about what happens to a report, and in which words. Events are raised inside the
/// write that causes them; each recipient's notification is worded from that recipient's own
/// view of the report (<see cref="ReportQueries.ViewAsync(Caller, Guid, CancellationToken)"/>), so the access policy and the
/// anonymity rule decide what a notification says exactly as they decide what a page shows.
/// </summary>
/// <remarks>
/// E-mail leaves the platform, so it says less than the in-app notification: never who reported
/// (not even to those allowed to know), never a message body, and for TLP:RED not even the title.
/// </remarks>
public sealed class ReportNotifications : INotificationComposer
{
    private static readonly string[] DeskRoles = [RoleCatalog.NameOf(Role.Coordinator), RoleCatalog.NameOf(Role.Analyst), RoleCatalog.NameOf(Role.Admin)];
    private static readonly string[] ReporterRoles = [RoleCatalog.NameOf(Role.Reporter), RoleCatalog.NameOf(Role.Coordinator), RoleCatalog.NameOf(Role.Admin)];

    private readonly RenkeiDbContext _db;
    private readonly ReportQueries _queries;
    private readonly CallerLoader _callers;
    private readonly MailOptions _mail;
    private readonly TimeProvider _time;
    private bool _raised;

    public ReportNotifications(RenkeiDbContext db, ReportQueries queries, CallerLoader callers, IOptions<MailOptions> mail, NotificationSignal signal, TimeProvider time)
    {
        _db = db;
        _queries = queries;
        _callers = callers;
        _mail = mail.Value;
        _time = time;
        // Wake the dispatcher only once the event is committed with the write that raised it.
        db.Committed += (_, _) =>
        {
            if (_raised)
            {
                _raised = false;
                signal.EventsRaised();
            }
        };
    }

    public static string Link(Guid reportId) => $"/Reports/{reportId:D}";

    /// <summary>Adds the event to the pending write; it is saved (or not) with it.</summary>
    /// <param name="organisations">The desks the event is addressed to (submitted, forwarded).</param>
    public void Raise(Report report, string topic, Caller actor, IEnumerable<Guid>? organisations = null)
    {
        _db.NotificationEvents.Add(new NotificationEvent
        {
            Id = Guid.CreateVersion7(),
            Topic = topic,
            SubjectId = report.Id,
            ActorOrganisationId = actor.OrganisationId,
            ActorUserId = actor.UserId,
            Organisations = organisations is null ? null : string.Join(';', organisations.Distinct()),
            CreatedAt = Clock.UtcNow(_time),
        });
        _raised = true;
    }

    public string TopicPrefix => "report.";

    async Task<Composed> INotificationComposer.ComposeAsync(NotificationEvent evt, CancellationToken ct) => Composed.Only(await ComposeAsync(evt, ct));

    public async Task<IReadOnlyList<Delivery>> ComposeAsync(NotificationEvent evt, CancellationToken ct)
    {
        var report = await _db.Reports.AsNoTracking().Include(r => r.Hops).FirstOrDefaultAsync(r => r.Id == evt.SubjectId, ct);
        if (report is null)
        {
            return []; // a discarded draft
        }
        var addressed = evt.Organisations?.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList() ?? [];
        var reached = report.Hops.Where(h => h.ReceivedAt != null).Select(h => h.RecipientOrganisationId).ToList();
        var desks = evt.Topic switch
        {
            Topics.ReportSubmitted or Topics.ReportForwarded => addressed,
            Topics.ReportUpdated or Topics.ReportMessage => reached,
            _ => [],
        };
        var toReporter = evt.Topic is Topics.ReportAcknowledged or Topics.ReportForwarded or Topics.ReportMessage;
        var recipients = await UsersAsync(desks, DeskRoles, ct);
        if (toReporter)
        {
            recipients.AddRange(await UsersAsync([report.ReportingOrganisationId], ReporterRoles, ct));
        }
        var actorName = await _db.Organisations.AsNoTracking().Where(o => o.Id == evt.ActorOrganisationId).Select(o => new { o.NameJa, o.NameEn }).FirstOrDefaultAsync(ct);
        var sector = await _db.Sectors.AsNoTracking().Where(s => s.Code == report.SectorCode).Select(s => new { s.NameJa, s.NameEn }).FirstOrDefaultAsync(ct);

        var deliveries = new List<Delivery>();
        foreach (var (userId, email, organisation) in recipients.DistinctBy(r => r.Id))
        {
            // Nobody is told of their own action; in a thread, not of their own organisation's message either.
            if (userId == evt.ActorUserId || (evt.Topic == Topics.ReportMessage && organisation == evt.ActorOrganisationId))
            {
                continue;
            }
            var caller = await _callers.LoadAsync(userId, ct);
            var view = caller is null ? null : await _queries.ViewAsync(caller, report.Id, ct);
            if (view is null)
            {
                continue; // the policy does not let this user read the report (e.g. TLP:RED)
            }
            var isReporterSide = caller!.OrganisationId == report.ReportingOrganisationId;
            var (ja, en) = Wording(evt.Topic, view, isReporterSide, actorName?.NameJa ?? "", actorName?.NameEn ?? "");
            var title = view.Content.Title;
            var emergency = view.Route == ReportRoute.Emergency ? ("【緊急】", "[Emergency] ") : ("", "");
            deliveries.Add(new Delivery(
                userId, "report",
                $"{emergency.Item1}{ja}: {title}", $"{emergency.Item2}{en}: {title}",
                $"{view.Reporter.NameJa}・{sector?.NameJa ?? report.SectorCode}・TLP:{NotificationMail.TlpLabel(view.Tlp)}",
                $"{view.Reporter.NameEn} · {sector?.NameEn ?? report.SectorCode} · TLP:{NotificationMail.TlpLabel(view.Tlp)}",
                Link(report.Id),
                string.IsNullOrWhiteSpace(email) ? null : NotificationMail.Compose(email, view.Tlp, emergency.Item1 + ja, emergency.Item2 + en, title,
                    sector?.NameJa ?? report.SectorCode, sector?.NameEn ?? report.SectorCode, _mail.Link(Link(report.Id)))));
        }
        return deliveries;
    }

    private static (string Ja, string En) Wording(string topic, ReportView view, bool reporterSide, string actorJa, string actorEn) => topic switch
    {
        Topics.ReportSubmitted => ($"新しい情報連絡（{StageJa(view.Stage)}）", $"New report ({StageEn(view.Stage)})"),
        Topics.ReportForwarded when reporterSide => ($"{actorJa}が情報連絡を転送しました", $"{actorEn} forwarded your report"),
        Topics.ReportForwarded => ("情報連絡が転送されてきました", "A report was forwarded to you"),
        Topics.ReportAcknowledged => ($"{actorJa}が情報連絡を受領しました", $"{actorEn} acknowledged your report"),
        Topics.ReportUpdated => ($"{StageJa(view.Stage)}が届きました", $"{StageEn(view.Stage)} received"),
        Topics.ReportMessage => ("情報連絡に新しいメッセージがあります", "New message on a report"),
        _ => ("情報連絡が更新されました", "A report changed"),
    };

    private static string StageJa(ReportStage? stage) => stage switch { ReportStage.Update => "続報", ReportStage.Final => "確報", _ => "速報" };

    private static string StageEn(ReportStage? stage) => stage switch { ReportStage.Update => "Update", ReportStage.Final => "Final report", _ => "First report" };

    private async Task<List<(Guid Id, string? Email, Guid Organisation)>> UsersAsync(List<Guid> organisations, string[] roles, CancellationToken ct)
    {
        if (organisations.Count == 0)
        {
            return [];
        }
        var rows = await _db.Users.AsNoTracking()
            .Where(u => organisations.Contains(u.OrganisationId) && u.DeactivatedAt == null)
            .Where(u => _db.UserRoles.Any(ur => ur.UserId == u.Id && _db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))))
            .Select(u => new { u.Id, u.Email, u.EmailConfirmed, u.OrganisationId })
            .ToListAsync(ct);
        return rows.Select(u => (u.Id, u.EmailConfirmed ? u.Email : null, u.OrganisationId)).ToList();
    }
}
