using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renkei.Access;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.Reports;

/// <summary>An attachment as listed; the uploader is shown the way the report shows its reporter.</summary>
public sealed record AttachmentView(Guid Id, string FileName, string ContentType, long Size, string Sha256, int Submission, ReporterView UploadedBy, DateTime UploadedAt);

/// <summary>One attachment's content, for a download.</summary>
public sealed record AttachmentFile(string FileName, string ContentType, string Sha256, byte[] Content);

/// <summary>
/// Files attached to reports: the reporting organisation's reporters add them while the report is
/// not closed (drafts included); whoever may read the report lists and downloads them.
/// </summary>
/// <remarks>
/// Every read starts from <see cref="AccessPolicy.Reports"/>: an attachment exists for a caller
/// exactly when its report does (404 otherwise). Only the reporting side uploads, so the uploader
/// is shown as the reporter is shown — a pseudonym on anonymised routes, decided by
/// <see cref="AccessPolicy.ReporterVisible"/> — and the reporting side's uploads and downloads are
/// audited under the pseudonym. A download from an AMBER or RED report is audited as a read.
/// </remarks>
public sealed class ReportAttachments(
    RenkeiDbContext db,
    AccessPolicy access,
    ReportQueries queries,
    IOptions<AttachmentOptions> options,
    TimeProvider time)
{
    /// <summary>The form field that carries the file, named in every problem about it.</summary>
    public const string Field = "file";
    public const int MaxFileNameLength = 200;
    public const int MaxContentTypeLength = 100;

    public async Task<Result<AttachmentView>> UploadAsync(Caller caller, Guid reportId, string? fileName, string? contentType, Stream? content, CancellationToken ct = default)
    {
        var visible = await access.ReportAsync(caller, reportId, ct);
        if (visible is null)
        {
            return Problem.NotFound("The report");
        }
        var report = visible.Report;
        if (!visible.ByReporter || !Permissions.FileReport(caller))
        {
            return Problem.Forbidden("Only the reporting organisation's reporters attach files to a report.");
        }
        if (report.State == ReportState.Closed)
        {
            return Problem.Conflict("The report is closed: no more files can be attached.");
        }
        var limits = options.Value;
        var read = await ReadUploadAsync(fileName, contentType, content, limits, ct);
        if (!read.Ok)
        {
            return read.Problem!;
        }
        var file = read.Value!;

        var attachment = new ReportAttachment
        {
            Id = Guid.CreateVersion7(),
            ReportId = reportId,
            FileName = file.FileName,
            ContentType = file.ContentType,
            Size = file.Content.Length,
            Sha256 = file.Sha256,
            Content = file.Content,
            UploadedByUserId = caller.UserId,
            UploadedByOrganisationId = caller.OrganisationId,
            UploadedAt = Clock.UtcNow(time),
        };
        await using (var unit = await UnitOfWork.BeginAsync(db, ct))
        {
            await LockReportAsync(reportId, ct);
            if (await access.ReportAttachments(visible).CountAsync(ct) >= limits.MaxFilesPerReport)
            {
                return Problem.Invalid(Field, Text.T("a report takes at most {0} files", limits.MaxFilesPerReport));
            }
            attachment.Submission = await access.ReportVersions(visible).CountAsync(ct);
            db.ReportAttachments.Add(attachment);
            using (await queries.PseudonymiseAsync(visible, ct))
            {
                await db.SaveChangesAsync(ct);
            }
            await unit.CommitAsync(ct);
        }
        return (await ListAsync(visible, ct)).Single(a => a.Id == attachment.Id);
    }

    /// <summary>The report's attachments, oldest first.</summary>
    public async Task<List<AttachmentView>> ListAsync(VisibleReport report, CancellationToken ct = default)
    {
        var reporter = report.Reporter;
        var rows = await access.ReportAttachments(report).AsNoTracking()
            .OrderBy(a => a.UploadedAt).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.Submission, a.UploadedByUserId, a.UploadedAt })
            .ToListAsync(ct);
        var users = await access.ReportPeopleAsync(report, rows.Select(a => a.UploadedByUserId), ct);
        return rows.Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.Submission,
            reporter.Disclosed ? reporter with { UserId = a.UploadedByUserId, UserName = users.GetValueOrDefault(a.UploadedByUserId) } : reporter,
            a.UploadedAt)).ToList();
    }

    /// <summary>One attachment's content; null if the report has no such file.</summary>
    public async Task<AttachmentFile?> DownloadAsync(VisibleReport report, Guid attachmentId, CancellationToken ct = default)
    {
        var file = await access.ReportAttachments(report).AsNoTracking().Where(a => a.Id == attachmentId)
            .Select(a => new AttachmentFile(a.FileName, a.ContentType, a.Sha256, a.Content))
            .FirstOrDefaultAsync(ct);
        if (file is not null)
        {
            // Recorded before the content leaves: a download that could not be audited does not happen.
            await queries.RecordReadAsync(report, "report_attachments", attachmentId.ToString("D"), ct);
        }
        return file;
    }

    /// <summary>
    /// Holds the report while its files are counted and one is added, so that concurrent uploads
    /// cannot pass the per-report limit together. SQLite needs nothing: its transactions take the
    /// database's write lock when they begin.
    /// </summary>
    private Task LockReportAsync(Guid reportId, CancellationToken ct) =>
        db.Database.IsNpgsql()
            ? db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM reports WHERE id = {reportId} FOR NO KEY UPDATE", ct)
            : Task.CompletedTask;

    /// <summary>
    /// An uploaded file checked and named as every stored file is (report attachments, assessment
    /// evidence): required, not empty, within <see cref="AttachmentOptions.MaxFileBytes"/>, its
    /// name and media type made safe, its SHA-256 computed. Problems name <see cref="Field"/>.
    /// </summary>
    internal static async Task<Result<AttachmentFile>> ReadUploadAsync(string? fileName, string? contentType, Stream? content, AttachmentOptions limits, CancellationToken ct)
    {
        if (content is null)
        {
            return Problem.Invalid(Field, Text.T("is required: send the file as multipart/form-data in the field '{0}'", Field));
        }
        var bytes = await ReadAtMostAsync(content, limits.MaxFileBytes, ct);
        if (bytes is null)
        {
            return Problem.TooLarge(Field, Text.T("must be at most {0}", ByteSize.Describe(limits.MaxFileBytes)));
        }
        if (bytes.Length == 0)
        {
            return Problem.Invalid(Field, "must not be empty");
        }
        return new AttachmentFile(SafeFileName(fileName), SafeContentType(contentType), Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes);
    }

    /// <summary>The whole stream, or null as soon as it is longer than <paramref name="max"/> (the rest is not read).</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream content, long max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// The uploader's name without anything that could mislead a reader or a file system: only the
    /// last path segment, no control or formatting characters (a right-to-left override makes
    /// "report\u202Efdp.exe" read as "reportexe.pdf"), none of the characters Windows refuses, no
    /// leading or trailing dots and spaces, no device names, at most <see cref="MaxFileNameLength"/>
    /// characters with the extension kept.
    /// </summary>
    internal static string SafeFileName(string? name)
    {
        var text = name ?? "";
        text = text[(text.LastIndexOfAny(['/', '\\']) + 1)..];
        var clean = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune == Rune.ReplacementChar || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }
            clean.Append(rune.Value is '"' or '*' or ':' or '<' or '>' or '?' or '|' ? "_" : rune.ToString());
        }
        var result = clean.ToString().Normalize(NormalizationForm.FormC).Trim().Trim('.', ' ');
        if (result.Length == 0)
        {
            return "attachment";
        }
        if (IsDeviceName(result.Split('.')[0]))
        {
            result = "_" + result;
        }
        if (result.Length > MaxFileNameLength)
        {
            var extension = Path.GetExtension(result);
            extension = extension.Length <= 16 ? extension : "";
            var stem = result[..(MaxFileNameLength - extension.Length)];
            result = (char.IsHighSurrogate(stem[^1]) ? stem[..^1] : stem).TrimEnd('.', ' ') + extension;
        }
        return result;
    }

    /// <summary>The declared media type without parameters, or application/octet-stream when it is not one.</summary>
    internal static string SafeContentType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType is { Length: <= MaxContentTypeLength } type
        && type.Contains('/', StringComparison.Ordinal) && !type.Contains('*', StringComparison.Ordinal)
            ? type.ToLowerInvariant()
            : "application/octet-stream";

    private static bool IsDeviceName(string stem) =>
        stem.ToUpperInvariant() is "CON" or "PRN" or "AUX" or "NUL"
        || (stem.Length == 4 && (stem.StartsWith("COM", StringComparison.OrdinalIgnoreCase) || stem.StartsWith("LPT", StringComparison.OrdinalIgnoreCase)) && stem[3] is >= '1' and <= '9');
}
