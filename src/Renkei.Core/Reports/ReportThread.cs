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
    public async Task<List<MessageView>> ReadAsync(VisibleReport report, CancellationToken ct = default)
    {
        await queries.RecordReadAsync(report, "report_messages", report.Id.ToString("D"), ct);
        return await ListAsync(report, ct);
    }

    private async Task<List<MessageView>> ListAsync(VisibleReport report, CancellationToken ct)
    {
        var messages = await access.ReportMessages(report).AsNoTracking().OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(ct);
        var orgIds = messages.Select(m => m.AuthorOrganisationId).Distinct().ToList();
        var orgs = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => (o.NameJa, o.NameEn), ct);
        var users = await access.ReportPeopleAsync(report, messages.Select(m => m.AuthorUserId), ct);
        var reporterOrg = report.Report.ReportingOrganisationId;
        return messages.Select(m =>
        {
            if (m.AuthorOrganisationId == reporterOrg)
            {
                // The reporting side, disclosed or pseudonymous exactly as on the report.
                var r = report.Reporter;
                return new MessageView(m.Id, MessageSide.Reporter, r.NameJa, r.NameEn, users.GetValueOrDefault(m.AuthorUserId), m.Body, m.CreatedAt);
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
        var onBehalf = input.OnBehalfOfReporter == true;
        if (onBehalf && !ReportRules.CanAnswerOnBehalf(caller, report))
        {
            return Problem.Forbidden("Only the relaying secretariat or agency answers on the reporter's behalf.");
        }
        if (!ReportRules.CanWriteThread(caller, report))
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
        var visible = (await queries.FindAsync(caller, reportId, ct))!;
        using (isReporter ? await queries.PseudonymiseAsync(visible, ct) : null)
        {
            await db.SaveChangesAsync(ct);
        }
        return (await ListAsync(visible, ct)).Single(m => m.Id == message.Id);
    }
}
