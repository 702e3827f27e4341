using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renkei.Access;
using Renkei.Common;
using Renkei.Reports;
using Renkei.Storage;

namespace Renkei.Assessments;

/// <summary>An evidence file as listed.</summary>
public sealed record EvidenceView(Guid Id, Guid CampaignId, Guid ResponseId, string Item, string FileName, string ContentType, long Size, string Sha256, DateTime UploadedAt);

/// <summary>
/// Evidence uploads for answers of type <see cref="AnswerType.Evidence"/>. A file is checked,
/// named and limited exactly as a report attachment (<see cref="ReportAttachments.ReadUploadAsync"/>,
/// <see cref="AttachmentOptions"/>: the size per file, the count per response), stored in the
/// database with the response, and the answer set to reference it through
/// <see cref="AssessmentService.SaveAnswersAsync"/> — so the response is created, versioned and
/// audited as any answer is, and a closed campaign or a submitted response refuses the file.
/// Whoever may read the response (<see cref="AccessPolicy.AssessmentEvidence"/>) downloads it;
/// anyone else gets 404.
/// </summary>
public sealed class EvidenceFiles(RenkeiDbContext db, AccessPolicy access, AssessmentService assessments, IOptions<AttachmentOptions> options, TimeProvider time)
{
    /// <summary>The answer value that names an evidence file.</summary>
    public static string Reference(Guid evidenceId) => $"evidence:{evidenceId:D}";

    public async Task<Result<EvidenceView>> UploadAsync(Caller caller, Guid campaignId, string? itemCode, string? fileName, string? contentType, Stream? content, CancellationToken ct = default)
    {
        var campaign = await access.AssessmentCampaigns(caller).AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null)
        {
            return Problem.NotFound("The campaign");
        }
        var item = await db.AssessmentItems.AsNoTracking().FirstOrDefaultAsync(i => i.FrameworkId == campaign.FrameworkId && i.Code == itemCode, ct);
        if (item is null || item.AnswerType != AnswerType.Evidence)
        {
            return Problem.Invalid("item", Text.T("'{0}' is not an evidence item of this campaign's framework version", itemCode ?? ""));
        }
        var limits = options.Value;
        var read = await ReportAttachments.ReadUploadAsync(fileName, contentType, content, limits, ct);
        if (!read.Ok)
        {
            return read.Problem!;
        }
        var file = read.Value!;
        var evidence = new AssessmentEvidence
        {
            Id = Guid.CreateVersion7(),
            CampaignId = campaignId,
            ItemId = item.Id,
            FileName = file.FileName,
            ContentType = file.ContentType,
            Size = file.Content.Length,
            Sha256 = file.Sha256,
            Content = file.Content,
            UploadedByUserId = caller.UserId,
            UploadedAt = Clock.UtcNow(time),
        };
        // The answer and the file together, or neither.
        await using var unit = await UnitOfWork.BeginAsync(db, ct);
        var answer = JsonSerializer.SerializeToElement(Reference(evidence.Id));
        var saved = await assessments.SaveAnswersAsync(caller, campaignId, new AnswersInput { Answers = [new AnswerInput { Item = item.Code, Value = answer }] }, ct);
        if (!saved.Ok)
        {
            return saved.Problem!;
        }
        var responseId = saved.Value!.Id;
        if (await access.AssessmentEvidence(caller).CountAsync(e => e.ResponseId == responseId, ct) >= limits.MaxFilesPerReport)
        {
            return Problem.Invalid(ReportAttachments.Field, Text.T("a response takes at most {0} evidence files", limits.MaxFilesPerReport));
        }
        evidence.ResponseId = responseId;
        db.AssessmentEvidence.Add(evidence);
        await db.SaveChangesAsync(ct);
        await unit.CommitAsync(ct);
        return View(evidence, item.Code);
    }

    /// <summary>The response's evidence files, oldest first; 404 when the caller may not read the response.</summary>
    public async Task<Result<List<EvidenceView>>> ListAsync(Caller caller, Guid campaignId, Guid responseId, CancellationToken ct = default)
    {
        if (!await access.AssessmentResponses(caller).AnyAsync(r => r.CampaignId == campaignId && r.Id == responseId, ct))
        {
            return Problem.NotFound("The response");
        }
        var rows = await access.AssessmentEvidence(caller).AsNoTracking().Where(e => e.ResponseId == responseId).OrderBy(e => e.UploadedAt).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.CampaignId, e.ResponseId, e.ItemId, e.FileName, e.ContentType, e.Size, e.Sha256, e.UploadedAt }).ToListAsync(ct);
        var frameworkId = await access.AssessmentFrameworkOf(campaignId).FirstAsync(ct);
        var codes = await db.AssessmentItems.AsNoTracking().Where(i => i.FrameworkId == frameworkId).ToDictionaryAsync(i => i.Id, i => i.Code, ct);
        return rows.Select(e => new EvidenceView(e.Id, e.CampaignId, e.ResponseId, codes[e.ItemId], e.FileName, e.ContentType, e.Size, e.Sha256, e.UploadedAt)).ToList();
    }

    /// <summary>One file's content; null when the caller may not read the response or it has no such file.</summary>
    public async Task<AttachmentFile?> DownloadAsync(Caller caller, Guid campaignId, Guid responseId, Guid evidenceId, CancellationToken ct = default) =>
        await access.AssessmentEvidence(caller).AsNoTracking()
            .Where(e => e.Id == evidenceId && e.ResponseId == responseId && e.CampaignId == campaignId)
            .Select(e => new AttachmentFile(e.FileName, e.ContentType, e.Sha256, e.Content))
            .FirstOrDefaultAsync(ct);

    private static EvidenceView View(AssessmentEvidence e, string item) =>
        new(e.Id, e.CampaignId, e.ResponseId, item, e.FileName, e.ContentType, e.Size, e.Sha256, e.UploadedAt);
}
