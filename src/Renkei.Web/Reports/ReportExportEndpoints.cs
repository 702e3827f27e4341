using Microsoft.AspNetCore.Http.HttpResults;
using Renkei.Reports;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Reports;

public static class ReportExportEndpoints
{
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(RequestCaller caller, ReportExport export, CancellationToken ct,
        string? state = null, string? kind = null, string? sector = null, string? route = null, Guid? organisation = null, string? q = null,
        bool? overdue = null, bool? beyondVerificationLevel = null, int? minSeverity = null)
    {
        var filter = ReportEndpoints.Filter(state, kind, sector, route, organisation, q, overdue, beyondVerificationLevel, minSeverity);
        if (!filter.Ok)
        {
            return ProblemResults.From(filter.Problem!);
        }
        return TypedResults.File(await export.CsvAsync(caller.Required, filter.Value!, ct), "text/csv; charset=utf-8", "reports.csv");
    }
}
