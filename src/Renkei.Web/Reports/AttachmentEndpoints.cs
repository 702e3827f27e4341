using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Renkei.Reports;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Reports;

/// <summary>Files attached to a report: uploaded by the reporting side, read by whoever may read the report.</summary>
public static class AttachmentEndpoints
{
    public static IEndpointRouteBuilder MapAttachmentEndpoints(this IEndpointRouteBuilder api)
    {
        var limits = api.ServiceProvider.GetRequiredService<IOptions<AttachmentOptions>>().Value;
        var attachments = api.MapGroup("/reports/{id:guid}/attachments").WithTags("Reports");
        attachments.MapPost("/", Upload).WithName("UploadReportAttachment")
            .AcceptsUpload(ReportAttachments.Field, limits.MaxFileBytes)
            .WithSummary($"Attach a file (multipart/form-data, field '{ReportAttachments.Field}', at most {Common.ByteSize.Describe(limits.MaxFileBytes)}, " +
                $"{limits.MaxFilesPerReport} per report): the reporting organisation's reporters, until the report is closed.");
        attachments.MapGet("/", List).WithName("ListReportAttachments")
            .WithSummary("The report's files with size and SHA-256; the uploader is shown as the reporter is.");
        attachments.MapGet("/{attachmentId:guid}", Download).WithName("DownloadReportAttachment")
            .WithSummary("The file, always as a download (Content-Disposition: attachment); reading one of an AMBER or RED report is audited.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream");
        return api;
    }

    private static async Task<Results<Created<AttachmentView>, ProblemHttpResult>> Upload(Guid id, IFormFile? file, RequestCaller caller, ReportAttachments attachments, CancellationToken ct)
    {
        await using var content = file?.OpenReadStream();
        var result = await attachments.UploadAsync(caller.Required, id, file?.FileName, file?.ContentType, content, ct);
        return result.Ok
            ? TypedResults.Created($"/api/v1/reports/{id}/attachments/{result.Value!.Id}", result.Value)
            : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<List<AttachmentView>>, ProblemHttpResult>> List(Guid id, RequestCaller caller, ReportQueries queries, ReportAttachments attachments, CancellationToken ct) =>
        await queries.FindAsync(caller.Required, id, ct) is { } report ? TypedResults.Ok(await attachments.ListAsync(report, ct)) : ProblemResults.NotFound("The report");

    /// <remarks>
    /// Never rendered by the browser: Content-Disposition is always attachment and every response
    /// carries X-Content-Type-Options: nosniff and a CSP (see <see cref="SecurityHeaders"/>), so
    /// an uploaded HTML or SVG file cannot run in this origin.
    /// </remarks>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(Guid id, Guid attachmentId, RequestCaller caller, ReportQueries queries, ReportAttachments attachments, CancellationToken ct)
    {
        var report = await queries.FindAsync(caller.Required, id, ct);
        var file = report is null ? null : await attachments.DownloadAsync(report, attachmentId, ct);
        return file is null
            ? ProblemResults.NotFound("The attachment")
            : TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
