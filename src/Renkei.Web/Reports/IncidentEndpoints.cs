using Microsoft.AspNetCore.Http.HttpResults;
using Renkei.Common;
using Renkei.Reports;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Reports;

public sealed record LinkInput(Guid? ReportId);

/// <summary>Incidents (事案): reports linked into one event by NISC and ministry desks.</summary>
public static class IncidentEndpoints
{
    public static IEndpointRouteBuilder MapIncidentEndpoints(this IEndpointRouteBuilder api)
    {
        var incidents = api.MapGroup("/incidents").WithTags("Incidents");
        incidents.MapGet("/", ListIncidents).WithName("ListIncidents");
        incidents.MapPost("/", CreateIncident).WithName("CreateIncident").WithSummary("Link reports into one incident (NISC and ministry desks).");
        incidents.MapGet("/{id:guid}", GetIncident).WithName("GetIncident");
        incidents.MapPut("/{id:guid}", UpdateIncident).WithName("UpdateIncident").WithSummary("Rename, summarise, close or reopen an incident (with its version).");
        incidents.MapPost("/{id:guid}/reports", Link).WithName("LinkReportToIncident");
        return api;
    }

    private static async Task<Ok<List<IncidentView>>> ListIncidents(RequestCaller caller, IncidentService incidents, CancellationToken ct) =>
        TypedResults.Ok(await incidents.ListAsync(caller.Required, ct));

    private static async Task<Results<Created<IncidentView>, ProblemHttpResult>> CreateIncident(IncidentInput input, RequestCaller caller, IncidentService incidents, CancellationToken ct)
    {
        var result = await incidents.CreateAsync(caller.Required, input, ct);
        return result.Ok ? TypedResults.Created($"/api/v1/incidents/{result.Value!.Id}", result.Value) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<IncidentView>, ProblemHttpResult>> GetIncident(Guid id, RequestCaller caller, IncidentService incidents, CancellationToken ct) =>
        await incidents.GetAsync(caller.Required, id, ct) is { } incident ? TypedResults.Ok(incident) : ProblemResults.NotFound("The incident");

    private static async Task<Results<Ok<IncidentView>, ProblemHttpResult>> UpdateIncident(Guid id, IncidentChange input, RequestCaller caller, IncidentService incidents, CancellationToken ct)
    {
        var result = await incidents.UpdateAsync(caller.Required, id, input, ct);
        return result.Ok ? TypedResults.Ok(result.Value!) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<IncidentView>, ProblemHttpResult>> Link(Guid id, LinkInput input, RequestCaller caller, IncidentService incidents, CancellationToken ct)
    {
        if (input.ReportId is not { } reportId)
        {
            return ProblemResults.From(Problem.Invalid("reportId", "is required"));
        }
        var result = await incidents.LinkAsync(caller.Required, id, reportId, ct);
        return result.Ok ? TypedResults.Ok(result.Value!) : ProblemResults.From(result.Problem!);
    }
}
