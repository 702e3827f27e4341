using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Renkei.Directory.Csv;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Directory;

/// <summary>CSV import and export of organisations and users (platform administrators).</summary>
public static class ImportExportEndpoints
{
    public static IEndpointRouteBuilder MapImportExportEndpoints(this IEndpointRouteBuilder api)
    {
        var import = api.MapGroup("/import").WithTags("Import and export")
            .WithMetadata(new RequestSizeLimitAttribute(CsvFile.MaxBytes + 1024));
        import.MapPost("/organisations", ImportOrganisations).WithName("ImportOrganisations").Accepts<string>("text/csv")
            .WithSummary("Import organisations from CSV (text/csv, UTF-8). Good rows are applied; each bad row is reported with its line and reason and changes nothing.");
        import.MapPost("/users", ImportUsers).WithName("ImportUsers").Accepts<string>("text/csv")
            .WithSummary("Import users from CSV; new accounts get one-time passwords, returned once in the report.");
        var export = api.MapGroup("/export").WithTags("Import and export");
        export.MapGet("/organisations", ExportOrganisations).WithName("ExportOrganisations").Produces(200, contentType: "text/csv");
        export.MapGet("/users", ExportUsers).WithName("ExportUsers").Produces(200, contentType: "text/csv");
        return api;
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportOrganisations(HttpRequest request, RequestCaller caller, OrganisationCsv csv, CancellationToken ct)
    {
        var body = await ReadCsvAsync(request, ct);
        if (!body.Ok)
        {
            return ProblemResults.From(body.Problem!);
        }
        var result = await csv.ImportAsync(caller.Required, body.Value!, ct);
        return result.Ok ? TypedResults.Ok(result.Value!) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportUsers(HttpRequest request, RequestCaller caller, UserCsv csv, CancellationToken ct)
    {
        var body = await ReadCsvAsync(request, ct);
        if (!body.Ok)
        {
            return ProblemResults.From(body.Problem!);
        }
        var result = await csv.ImportAsync(caller.Required, body.Value!, ct);
        return result.Ok ? TypedResults.Ok(result.Value!) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportOrganisations(RequestCaller caller, OrganisationCsv csv, CancellationToken ct)
    {
        var result = await csv.ExportAsync(caller.Required, ct);
        return result.Ok ? TypedResults.File(result.Value!, "text/csv; charset=utf-8", "organisations.csv") : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportUsers(RequestCaller caller, UserCsv csv, CancellationToken ct)
    {
        var result = await csv.ExportAsync(caller.Required, ct);
        return result.Ok ? TypedResults.File(result.Value!, "text/csv; charset=utf-8", "users.csv") : ProblemResults.From(result.Problem!);
    }

    private static async Task<Common.Result<byte[]>> ReadCsvAsync(HttpRequest request, CancellationToken ct)
    {
        var type = request.ContentType ?? "";
        if (!type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadHttpRequestException("Send the file as text/csv.", StatusCodes.Status415UnsupportedMediaType);
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
