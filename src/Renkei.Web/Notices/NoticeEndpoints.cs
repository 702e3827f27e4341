using Microsoft.AspNetCore.Http.HttpResults;
using Renkei.Common;
using Renkei.Notices;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Notices;

public static class NoticeEndpoints
{
    public static IEndpointRouteBuilder MapNoticeEndpoints(this IEndpointRouteBuilder api)
    {
        var notices = api.MapGroup("/notices").WithTags("Notices");
        notices.MapGet("/", List).WithName("ListNotices").WithSummary("The notices the caller may see (TLP and audience).");
        notices.MapPost("/", Create).WithName("CreateNotice");
        notices.MapGet("/{id:guid}", Get).WithName("GetNotice");
        notices.MapPut("/{id:guid}", Update).WithName("UpdateNotice");
        return api;
    }

    private static async Task<Results<Ok<Page<NoticeSummary>>, ProblemHttpResult>> List(RequestCaller caller, NoticeService notices, CancellationToken ct,
        int offset = 0, int limit = ApiConventions.DefaultLimit)
    {
        if (ApiConventions.CheckPaging(offset, limit) is { } paging)
        {
            return ProblemResults.From(paging);
        }
        return TypedResults.Ok(await notices.ListAsync(caller.Required, offset, limit, ct));
    }

    private static async Task<Results<Created<NoticeView>, ProblemHttpResult>> Create(NoticeInput input, RequestCaller caller, NoticeService notices, CancellationToken ct)
    {
        var result = await notices.CreateAsync(caller.Required, input, ct);
        return result.Ok ? TypedResults.Created($"/api/v1/notices/{result.Value!.Id}", result.Value) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<NoticeView>, ProblemHttpResult>> Get(Guid id, RequestCaller caller, NoticeService notices, CancellationToken ct) =>
        await notices.GetAsync(caller.Required, id, ct) is { } notice ? TypedResults.Ok(notice) : ProblemResults.NotFound("The notice");

    private static async Task<Results<Ok<NoticeView>, ProblemHttpResult>> Update(Guid id, NoticeInput input, RequestCaller caller, NoticeService notices, CancellationToken ct)
    {
        var result = await notices.UpdateAsync(caller.Required, id, input, ct);
        return result.Ok ? TypedResults.Ok(result.Value!) : ProblemResults.From(result.Problem!);
    }
}
