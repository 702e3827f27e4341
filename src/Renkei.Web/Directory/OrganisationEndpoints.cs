using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Directory;

/// <summary>A membership to add: a CEPTOAR or community code and the role in it.</summary>
public sealed record MembershipInput
{
    [Required(ErrorMessage = "is required")]
    public MembershipKind? Kind { get; init; }

    [Required(ErrorMessage = "is required"), MaxLength(64, ErrorMessage = "must be at most 64 characters")]
    public string Code { get; init; } = "";

    public MembershipRole? Role { get; init; }
}

/// <summary>Organisations, their points of contact and their memberships.</summary>
public static class OrganisationEndpoints
{
    public static IEndpointRouteBuilder MapOrganisationEndpoints(this IEndpointRouteBuilder api)
    {
        var orgs = api.MapGroup("/organisations").WithTags("Organisations");
        orgs.MapGet("/", List).WithName("ListOrganisations").WithSummary("Search the directory; filters combine.");
        orgs.MapPost("/", Create).WithName("CreateOrganisation");
        orgs.MapGet("/{id:guid}", Get).WithName("GetOrganisation").WithSummary("An organisation; contacts are null when the caller may not see them.");
        orgs.MapPut("/{id:guid}", Update).WithName("UpdateOrganisation");
        orgs.MapDelete("/{id:guid}", Delete).WithName("DeleteOrganisation");

        orgs.MapGet("/{id:guid}/contacts", ListContacts).WithName("ListContacts");
        orgs.MapPost("/{id:guid}/contacts", AddContact).WithName("AddContact");
        orgs.MapPut("/{id:guid}/contacts/{contactId:guid}", UpdateContact).WithName("UpdateContact");
        orgs.MapDelete("/{id:guid}/contacts/{contactId:guid}", DeleteContact).WithName("DeleteContact");

        orgs.MapGet("/{id:guid}/memberships", ListMemberships).WithName("ListMemberships");
        orgs.MapPost("/{id:guid}/memberships", AddMembership).WithName("AddMembership");
        orgs.MapDelete("/{id:guid}/memberships/{kind}/{code}", RemoveMembership).WithName("RemoveMembership");
        return api;
    }

    private static async Task<Results<Ok<Page<OrganisationSummary>>, ProblemHttpResult>> List(RequestCaller caller, DirectoryQueries queries, CancellationToken ct,
        string? q = null, string? kind = null, string? sector = null, string? scope = null, string? ceptoar = null, string? community = null,
        int offset = 0, int limit = ApiConventions.DefaultLimit)
    {
        if (ApiConventions.CheckPaging(offset, limit) is { } paging)
        {
            return ProblemResults.From(paging);
        }
        OrganisationKind? parsedKind = null;
        if (kind is not null)
        {
            if (!EnumText.TryParse<OrganisationKind>(kind, out var k))
            {
                return ProblemResults.From(Problem.Invalid("kind", Text.T("must be one of: {0}", string.Join(", ", EnumText.Values<OrganisationKind>()))));
            }
            parsedKind = k;
        }
        var filter = new OrganisationFilter(q, parsedKind, sector, scope, ceptoar, community);
        return TypedResults.Ok(await queries.OrganisationsAsync(caller.Required, filter, offset, limit, ct));
    }

    private static async Task<Results<Created<OrganisationDetail>, ProblemHttpResult>> Create(OrganisationInput input, RequestCaller caller,
        OrganisationService organisations, DirectoryQueries queries, CancellationToken ct)
    {
        var result = await organisations.CreateAsync(caller.Required, input, ct);
        return result.Ok
            ? TypedResults.Created($"/api/v1/organisations/{result.Value!.Id}", (await queries.OrganisationAsync(caller.Required, result.Value.Id, ct))!)
            : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<OrganisationDetail>, ProblemHttpResult>> Get(Guid id, RequestCaller caller, DirectoryQueries queries, CancellationToken ct) =>
        await queries.OrganisationAsync(caller.Required, id, ct) is { } detail ? TypedResults.Ok(detail) : ProblemResults.NotFound("The organisation");

    private static async Task<Results<Ok<OrganisationDetail>, ProblemHttpResult>> Update(Guid id, OrganisationInput input, RequestCaller caller,
        OrganisationService organisations, DirectoryQueries queries, CancellationToken ct)
    {
        var result = await organisations.UpdateAsync(caller.Required, id, input, ct);
        return result.Ok ? TypedResults.Ok((await queries.OrganisationAsync(caller.Required, id, ct))!) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, RequestCaller caller, OrganisationService organisations, CancellationToken ct)
    {
        var result = await organisations.DeleteAsync(caller.Required, id, ct);
        return result.Ok ? TypedResults.NoContent() : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<List<ContactView>>, ProblemHttpResult>> ListContacts(Guid id, RequestCaller caller, DirectoryQueries queries, CancellationToken ct) =>
        await queries.ContactsAsync(caller.Required, id, ct) is { } contacts ? TypedResults.Ok(contacts) : ProblemResults.NotFound("The organisation's points of contact");

    private static async Task<Results<Created<ContactView>, ProblemHttpResult>> AddContact(Guid id, ContactInput input, RequestCaller caller, ContactService contacts, CancellationToken ct)
    {
        var result = await contacts.AddAsync(caller.Required, id, input, ct);
        return result.Ok ? TypedResults.Created($"/api/v1/organisations/{id}/contacts/{result.Value!.Id}", View(result.Value)) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<ContactView>, ProblemHttpResult>> UpdateContact(Guid id, Guid contactId, ContactInput input, RequestCaller caller,
        ContactService contacts, CancellationToken ct)
    {
        var result = await contacts.UpdateAsync(caller.Required, id, contactId, input, ct);
        return result.Ok ? TypedResults.Ok(View(result.Value!)) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteContact(Guid id, Guid contactId, RequestCaller caller, ContactService contacts, CancellationToken ct)
    {
        var result = await contacts.DeleteAsync(caller.Required, id, contactId, ct);
        return result.Ok ? TypedResults.NoContent() : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<List<MembershipView>>, ProblemHttpResult>> ListMemberships(Guid id, RequestCaller caller, MembershipService memberships, CancellationToken ct)
    {
        var result = await memberships.ListAsync(caller.Required, id, ct);
        return result.Ok ? TypedResults.Ok(result.Value!) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Created<MembershipView>, ProblemHttpResult>> AddMembership(Guid id, MembershipInput input, RequestCaller caller,
        MembershipService memberships, CancellationToken ct)
    {
        var errors = InputValidation.Validate(input);
        if (errors.Count > 0)
        {
            return ProblemResults.From(Problem.Invalid(errors));
        }
        var result = await memberships.AddAsync(caller.Required, id, input.Kind!.Value, input.Code.Trim(), input.Role ?? MembershipRole.Member, ct);
        return result.Ok
            ? TypedResults.Created($"/api/v1/organisations/{id}/memberships/{EnumText.ToText(input.Kind.Value)}/{input.Code}", result.Value!)
            : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveMembership(Guid id, string kind, string code, RequestCaller caller,
        MembershipService memberships, CancellationToken ct)
    {
        if (!EnumText.TryParse<MembershipKind>(kind, out var parsed))
        {
            return ProblemResults.From(Problem.Invalid("kind", "must be ceptoar or community"));
        }
        var result = await memberships.RemoveAsync(caller.Required, id, parsed, code, ct);
        return result.Ok ? TypedResults.NoContent() : ProblemResults.From(result.Problem!);
    }

    private static ContactView View(PointOfContact c) => new(c.Id, c.Priority, c.Name, c.Email, c.Phone, c.Hours, c.Version);
}
