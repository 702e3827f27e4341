using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Audit;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.Notices;

/// <summary>Notices: written by coordinators, analysts and admins, read by their audience.</summary>
public sealed class NoticeService(RenkeiDbContext db, AccessPolicy access, AudienceBuilder audiences, AuditTrail audit, TimeProvider time)
{
    public async Task<Page<NoticeSummary>> ListAsync(Caller? caller, int offset, int limit, CancellationToken ct = default)
    {
        var query = access.Shareable<Notice>(caller).AsNoTracking();
        var total = await query.CountAsync(ct);
        var items = await query
            .OrderByDescending(n => n.CreatedAt)
            .Skip(offset).Take(limit)
            .Join(db.Organisations, n => n.OwnerOrganisationId, o => o.Id, (n, o) => new NoticeSummary(n.Id, n.Title, n.Tlp, n.OwnerOrganisationId, o.NameJa, o.NameEn, n.CreatedAt))
            .ToListAsync(ct);
        return new Page<NoticeSummary>(items, total, offset, limit);
    }

    /// <summary>One notice, if the caller may see it; reading anything above TLP:CLEAR is audited.</summary>
    public async Task<NoticeView?> GetAsync(Caller? caller, Guid id, CancellationToken ct = default)
    {
        var notice = await access.Shareable<Notice>(caller).AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct);
        if (notice is null)
        {
            return null;
        }
        if (notice.Tlp != Tlp.Clear && caller is not null)
        {
            await audit.ReadAsync("notices", id.ToString("D"), ct);
        }
        return await ViewAsync(notice, ct);
    }

    public async Task<Result<NoticeView>> CreateAsync(Caller caller, NoticeInput input, CancellationToken ct = default)
    {
        if (!Permissions.IssueNotice(caller))
        {
            return Problem.Forbidden("Only admins, coordinators and analysts issue notices.");
        }
        var errors = InputValidation.Validate(input);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        var audience = await audiences.BuildAsync(input.Tlp!.Value, input.Audience, "audience", ct);
        if (!audience.Ok)
        {
            return audience.Problem!;
        }
        var now = Clock.UtcNow(time);
        var notice = new Notice
        {
            Id = Guid.CreateVersion7(),
            Title = input.Title.Trim(),
            Body = input.Body,
            Tlp = input.Tlp.Value,
            OwnerOrganisationId = caller.OrganisationId,
            CreatedByUserId = caller.UserId,
            AudienceId = audience.Value!.Id,
            Audience = audience.Value,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Audiences.Add(audience.Value);
        db.Notices.Add(notice);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(notice, ct);
    }

    public async Task<Result<NoticeView>> UpdateAsync(Caller caller, Guid id, NoticeInput input, CancellationToken ct = default)
    {
        var notice = await access.Shareable<Notice>(caller).Include(n => n.Audience!).ThenInclude(a => a.Members).FirstOrDefaultAsync(n => n.Id == id, ct);
        if (notice is null)
        {
            return Problem.NotFound("The notice");
        }
        if (!Permissions.EditNotice(caller, notice.CreatedByUserId, notice.OwnerOrganisationId))
        {
            return Problem.Forbidden("Only the author and the issuing organisation's admins edit a notice.");
        }
        var errors = InputValidation.Validate(input);
        if (input.Version is null)
        {
            InputValidation.Add(errors, "version", "is required: send the version you are editing");
        }
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        if (input.Version != notice.Version)
        {
            return Problem.StaleVersion(input.Version!.Value, notice.Version);
        }
        var audience = await audiences.BuildAsync(input.Tlp!.Value, input.Audience, "audience", ct);
        if (!audience.Ok)
        {
            return audience.Problem!;
        }
        notice.Title = input.Title.Trim();
        notice.Body = input.Body;
        notice.Tlp = input.Tlp.Value;
        var wanted = audience.Value!.Members.Select(m => (m.Kind, m.Key)).ToHashSet();
        notice.Audience!.Members.RemoveAll(m => !wanted.Contains((m.Kind, m.Key)));
        foreach (var (kind, key) in wanted.Where(w => !notice.Audience.Members.Any(m => m.Kind == w.Kind && m.Key == w.Key)))
        {
            notice.Audience.Members.Add(new AudienceMember { AudienceId = notice.AudienceId, Kind = kind, Key = key });
        }
        notice.UpdatedAt = Clock.UtcNow(time);
        notice.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.Conflict("The notice was changed by someone else at the same time. Reload it and apply your change again.");
        }
        return await ViewAsync(notice, ct);
    }

    private async Task<NoticeView> ViewAsync(Notice notice, CancellationToken ct)
    {
        var owner = await db.Organisations.AsNoTracking().Where(o => o.Id == notice.OwnerOrganisationId).Select(o => new { o.NameJa, o.NameEn }).FirstAsync(ct);
        var audience = await audiences.DescribeAsync(notice.AudienceId, ct);
        return new NoticeView(notice.Id, notice.Title, notice.Body, notice.Tlp, notice.OwnerOrganisationId, owner.NameJa, owner.NameEn,
            notice.CreatedByUserId, audience, notice.CreatedAt, notice.UpdatedAt, notice.Version);
    }
}
