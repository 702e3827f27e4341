using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renkei.Access;
using Renkei.Common;
using Renkei.Identity;
using Renkei.Notifications;
using Renkei.Storage;

namespace Renkei.Assessments;

/// <summary>
/// Who hears of a campaign, through the notification outbox every feature uses: when it opens,
/// the members of the organisations its audience reaches who answer for them; when its owner
/// sends a reminder, those of the organisations named in the event (the ones that had not
/// submitted). The event is written with the change; the dispatcher words it per recipient.
/// </summary>
/// <remarks>
/// The e-mail carries the campaign's title, the closing date and the link, nothing else: answers
/// are read in Renkei.
/// </remarks>
public sealed class AssessmentNotifications : INotificationComposer
{
    public const string Opened = "assessment.opened";
    public const string Reminder = "assessment.reminder";

    /// <summary>Organisations per reminder event (the event's list column holds about a hundred ids).</summary>
    private const int OrganisationsPerEvent = 100;

    private static readonly string[] AnswerRoles = [RoleCatalog.NameOf(Role.Admin), RoleCatalog.NameOf(Role.Coordinator), RoleCatalog.NameOf(Role.Analyst), RoleCatalog.NameOf(Role.Reporter)];

    private readonly RenkeiDbContext _db;
    private readonly AccessPolicy _access;
    private readonly MailOptions _mail;
    private readonly TimeProvider _time;
    private bool _raised;

    public AssessmentNotifications(RenkeiDbContext db, AccessPolicy access, NotificationSignal signal, IOptions<MailOptions> mail, TimeProvider time)
    {
        _db = db;
        _access = access;
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

    public static string Link(Guid campaignId) => $"/Assessments/{campaignId:D}";

    /// <summary>The campaign opened: its whole audience hears of it.</summary>
    public void RaiseOpened(AssessmentCampaign campaign, Caller actor)
    {
        _db.NotificationEvents.Add(Event(campaign.Id, Opened, actor, null));
        _raised = true;
    }

    /// <summary>The owner reminds these organisations (those that have not submitted).</summary>
    public void RaiseReminder(AssessmentCampaign campaign, Caller actor, IReadOnlyCollection<Guid> organisations)
    {
        foreach (var chunk in organisations.Chunk(OrganisationsPerEvent))
        {
            _db.NotificationEvents.Add(Event(campaign.Id, Reminder, actor, chunk));
        }
        _raised = organisations.Count > 0;
    }

    private NotificationEvent Event(Guid campaignId, string topic, Caller actor, IReadOnlyCollection<Guid>? organisations) => new()
    {
        Id = Guid.CreateVersion7(),
        Topic = topic,
        SubjectId = campaignId,
        ActorOrganisationId = actor.OrganisationId,
        ActorUserId = actor.UserId,
        Organisations = organisations is null ? null : string.Join(';', organisations.Select(o => o.ToString("D"))),
        CreatedAt = Clock.UtcNow(_time),
    };

    public string TopicPrefix => "assessment.";

    async Task<Composed> INotificationComposer.ComposeAsync(NotificationEvent evt, CancellationToken ct) => Composed.Only(await ComposeAsync(evt, ct));

    public async Task<IReadOnlyList<Delivery>> ComposeAsync(NotificationEvent evt, CancellationToken ct)
    {
        var campaign = await _db.AssessmentCampaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == evt.SubjectId, ct);
        if (campaign is null)
        {
            return [];
        }
        List<Guid> organisations;
        if (evt.Organisations is { } listed)
        {
            organisations = listed.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
        }
        else
        {
            organisations = (await _access.AssessmentAudienceAsync(campaign, ct)).Select(o => o.OrganisationId).ToList();
        }
        var users = await _db.Users.AsNoTracking()
            .Where(u => u.DeactivatedAt == null && organisations.Contains(u.OrganisationId))
            .Where(u => _db.UserRoles.Any(ur => ur.UserId == u.Id && _db.Roles.Any(r => r.Id == ur.RoleId && AnswerRoles.Contains(r.Name!))))
            .Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        var owner = await _db.Organisations.AsNoTracking().Where(o => o.Id == campaign.OwnerOrganisationId).Select(o => new { o.NameJa, o.NameEn }).FirstAsync(ct);
        var (ja, en) = evt.Topic == Reminder ? ("回答のお願い（リマインダー）", "Reminder: please answer") : ("新しい調査・評価", "New assessment campaign");
        var closes = Clock.ToJst(campaign.ClosesAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " JST";
        var link = _mail.Link(Link(campaign.Id));
        return users.Select(u => new Delivery(u.Id, "assessment",
            $"{ja}: {campaign.TitleJa}", $"{en}: {campaign.TitleEn}",
            $"{owner.NameJa}・回答期限 {closes}", $"{owner.NameEn} · answer by {closes}",
            Link(campaign.Id),
            string.IsNullOrWhiteSpace(u.Email) ? null : Mail(u.Email, ja, en, campaign, owner.NameJa, owner.NameEn, closes, link))).ToList();
    }

    private static Mail Mail(string to, string ja, string en, AssessmentCampaign campaign, string ownerJa, string ownerEn, string closes, string link) =>
        new(to, $"[Renkei] {ja}: {campaign.TitleJa}", $"""
            {ja}

            件名: {campaign.TitleJa}
            実施: {ownerJa}
            回答期限: {closes}
            Renkei で回答してください: {link}

            ---
            {en}

            Title: {campaign.TitleEn}
            Run by: {ownerEn}
            Answer by: {closes}
            Answer in Renkei: {link}
            """);
}
