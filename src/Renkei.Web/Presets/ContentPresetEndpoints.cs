using Microsoft.AspNetCore.Http.HttpResults;
using Renkei.Common;
using Renkei.Presets;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Presets;

/// <summary>
/// Content presets (事案に応じた提供内容をあらかじめ設定, seed 003:20-24): what the new-advisory and
/// new-report forms offer per kind, and each organisation's own presets.
/// </summary>
public static class ContentPresetEndpoints
{
    public static IEndpointRouteBuilder MapContentPresetEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/content-presets", Offered).WithTags("Content presets").WithName("ListContentPresets")
            .WithSummary("The presets offered to the caller per kind and language (target=advisory|report, kind, language): Renkei's defaults, with the caller's organisation's own in their place where it keeps one.");
        var own = api.MapGroup("/organisations/{organisationId:guid}/content-presets").WithTags("Content presets");
        own.MapGet("/", List).WithName("ListOrganisationContentPresets").WithSummary("The organisation's own presets (its admins and coordinators).");
        own.MapGet("/{id:guid}", Get).WithName("GetOrganisationContentPreset").WithSummary("One of the organisation's own presets.");
        own.MapPost("/", Create).WithName("CreateOrganisationContentPreset")
            .WithSummary("Keep an own preset for a kind and language (for example a copy of the default, edited); it replaces the default for the organisation's members.");
        own.MapPut("/{id:guid}", Update).WithName("UpdateOrganisationContentPreset").WithSummary("Edit an own preset (send the version edited).");
        own.MapDelete("/{id:guid}", Delete).WithName("DeleteOrganisationContentPreset").WithSummary("Remove an own preset: the organisation's members get the default again.");
        return api;
    }

    private static async Task<Results<Ok<List<ContentPresetView>>, ProblemHttpResult>> Offered(RequestCaller caller, ContentPresetService presets, CancellationToken ct,
        string? target = null, string? kind = null, string? language = null)
    {
        ContentPresetTarget? parsed = null;
        if (target is not null)
        {
            if (!EnumText.TryParse<ContentPresetTarget>(target, out var t))
            {
                return ProblemResults.From(Problem.Invalid("target", "must be advisory or report"));
            }
            parsed = t;
        }
        return ProblemResults.OkOr(await presets.OfferedAsync(caller.Required, parsed, kind, language, ct));
    }

    private static async Task<Results<Ok<List<ContentPresetView>>, ProblemHttpResult>> List(Guid organisationId, RequestCaller caller, ContentPresetService presets, CancellationToken ct) =>
        ProblemResults.OkOr(await presets.OwnAsync(caller.Required, organisationId, ct));

    private static async Task<Results<Ok<ContentPresetView>, ProblemHttpResult>> Get(Guid organisationId, Guid id, RequestCaller caller, ContentPresetService presets, CancellationToken ct) =>
        ProblemResults.OkOr(await presets.GetAsync(caller.Required, organisationId, id, ct));

    private static async Task<Results<Created<ContentPresetView>, ProblemHttpResult>> Create(Guid organisationId, ContentPresetInput input, RequestCaller caller, ContentPresetService presets, CancellationToken ct)
    {
        var result = await presets.CreateAsync(caller.Required, organisationId, input, ct);
        return result.Ok
            ? TypedResults.Created($"/api/v1/organisations/{organisationId}/content-presets/{result.Value!.Id}", result.Value)
            : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<ContentPresetView>, ProblemHttpResult>> Update(Guid organisationId, Guid id, ContentPresetInput input, RequestCaller caller, ContentPresetService presets, CancellationToken ct) =>
        ProblemResults.OkOr(await presets.UpdateAsync(caller.Required, organisationId, id, input, ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid organisationId, Guid id, RequestCaller caller, ContentPresetService presets, CancellationToken ct, int? version = null)
    {
        var result = await presets.DeleteAsync(caller.Required, organisationId, id, version, ct);
        return result.Ok ? TypedResults.NoContent() : ProblemResults.From(result.Problem!);
    }
}
