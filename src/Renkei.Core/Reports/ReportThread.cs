using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.Reports;

public sealed record MessageInput
{
    [Required(ErrorMessage = "is required"), MaxLength(8000, ErrorMessage = "must be at most 8000 characters")]
    public string Body { get; init; } = "";

    /// <summary>The relaying secretariat or agency answers for the anonymised reporter.</summary>
    public bool? OnBehalfOfReporter { get; init; }
}

public enum MessageSide
{
    /// <summary>A desk along the route (questions, requests for information).</summary>
    Desk,
    /// <summary>The reporting organisation.</summary>
    Reporter,
    /// <summary>The relaying secretariat or agency, answering for the anonymised reporter.</summary>
    OnBehalfOfReporter,
}

public sealed record MessageView(Guid Id, MessageSide Side, string AuthorJa, string AuthorEn, string? AuthorUser, string Body, DateTime CreatedAt);

/// <summary>
/// Questions and answers on a report: desks ask, the reporting organisation answers — or, for an
/// anonymised report, the relaying secretariat or agency answers on its behalf. The reporting side
/// is named as the report names it.
/// </summary>
public sealed class ReportThread(RenkeiDbContext db, AccessPolicy access, ReportQueries queries, ReportNotifications notifications, TimeProvider time)
{
    /// <summary>The thread, as the caller may see it; reading an AMBER or RED report's thread is audited.</summary>
    public async Task<List<MessageView>?> ReadAsync(Caller caller, Guid reportId, CancellationToken ct = default)
    {
        var report = await queries.ViewAsync(caller, reportId, ct);
        if (report is null)
        {
            return null;
        }
        await queries.RecordReadAsync(caller, report, "report_messages", reportId.ToString("D"), ct);
        return await ListAsync(caller, report, ct);
    }

    private async Task<List<MessageView>> ListAsync(Caller caller, ReportView report, CancellationToken ct)
    {
        var reportId = report.Id;
        var messages = await db.ReportMessages.AsNoTracking().Where(m => m.ReportId == reportId).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(ct);
        var orgIds = messages.Select(m => m.AuthorOrganisationId).Distinct().ToList();
        var orgs = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => (o.NameJa, o.NameEn), ct);
        var userIds = messages.Select(m => m.AuthorUserId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var reporterOrg = await db.Reports.AsNoTracking().Where(r => r.Id == reportId).Select(r => r.ReportingOrganisationId).FirstAsync(ct);
        return messages.Select(m =>
        {
            if (m.AuthorOrganisationId == reporterOrg)
            {
                // The reporting side, disclosed or pseudonymous exactly as on the report.
                var r = report.Reporter;
                return new MessageView(m.Id, MessageSide.Reporter, r.NameJa, r.NameEn, r.Disclosed ? users.GetValueOrDefault(m.AuthorUserId) : null, m.Body, m.CreatedAt);
            }
            var (ja, en) = orgs[m.AuthorOrganisationId];
            return m.OnBehalfOfReporter
                ? new MessageView(m.Id, MessageSide.OnBehalfOfReporter, $"{ja}（連絡元に代わって回答）", $"{en} (for the reporter)", users.GetValueOrDefault(m.AuthorUserId), m.Body, m.CreatedAt)
                : new MessageView(m.Id, MessageSide.Desk, ja, en, users.GetValueOrDefault(m.AuthorUserId), m.Body, m.CreatedAt);
        }).ToList();
    }

    public async Task<Result<MessageView>> PostAsync(Caller caller, Guid reportId, MessageInput input, CancellationToken ct = default)
    {
        var report = await access.Reports(caller).Include(r => r.Hops).FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return Problem.NotFound("The report");
        }
        var errors = InputValidation.Validate(input);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        if (report.State is ReportState.Draft or ReportState.Closed)
        {
            return Problem.Conflict("Questions and answers are possible between the first report and closing.");
        }
        var isReporter = ReportRules.IsReporter(caller, report);
        var isDesk = ReportRules.HeldHop(caller, report) is not null && Permissions.WorkReportDesk(caller);
        var onBehalf = input.OnBehalfOfReporter == true;
        if (onBehalf && !(report.AnonymityHolderId == caller.OrganisationId && Permissions.WorkReportDesk(caller)))
        {
            return Problem.Forbidden("Only the relaying secretariat or agency answers on the reporter's behalf.");
        }
        if (!isDesk && !(isReporter && Permissions.FileReport(caller)))
        {
            return Problem.Forbidden("Only desks the report reached and the reporting organisation write in its thread.");
        }
        var message = new ReportMessage
        {
            Id = Guid.CreateVersion7(),
            ReportId = reportId,
            AuthorOrganisationId = caller.OrganisationId,
            AuthorUserId = caller.UserId,
            OnBehalfOfReporter = onBehalf,
            Body = input.Body.Trim(),
            CreatedAt = Clock.UtcNow(time),
        };
        db.ReportMessages.Add(message);
        notifications.Raise(report, Notifications.Topics.ReportMessage, caller);
        using (isReporter ? await queries.PseudonymiseAsync(caller.OrganisationId, reportId, ct) : null)
        {
            await db.SaveChangesAsync(ct);
        }
        return (await ListAsync(caller, (await queries.ViewAsync(caller, reportId, ct))!, ct)).Single(m => m.Id == message.Id);
    }
}
