using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Testing;

namespace Renkei.Web.Tests.Access;

/// <summary>No endpoint may exist without an explicit authorization decision.</summary>
public sealed class EndpointAuthorizationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>
    /// The only endpoints open without sign-in, and why: signing in, choosing a language, health checks, the public portal and its feed (TLP:CLEAR),
    /// and a point of contact's one-click confirmation of a contact check (the link's secret is the proof).
    /// </summary>
    private static readonly string[] AnonymousAllowed =
    [
        "/healthz",
        "/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/Logout", "/Account/AccessDenied",
        "/Language",
        "/Public", "/Public/Advisories/{id:guid}", "/feed.atom",
        "/ContactChecks/Confirm/{token}",
    ];

    private IReadOnlyList<RouteEndpoint> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    [Fact]
    public void EveryEndpoint_HasAuthorizationMetadata()
    {
        var endpoints = Endpoints();
        endpoints.Count.ShouldBeGreaterThan(60);
        var missing = endpoints
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.RoutePattern.RawText ?? e.DisplayName)
            .ToList();
        missing.ShouldBeEmpty("every endpoint must say who may call it");
    }

    [Fact]
    public void AnonymousEndpoints_AreExactlyTheAllowList()
    {
        var anonymous = Endpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct()
            .Order()
            .ToList();
        anonymous.ShouldBe(AnonymousAllowed.Order().ToList());
    }

    [Fact]
    public async Task EveryApiEndpoint_Anonymous_Answers401ProblemDetails()
    {
        var client = app.Anonymous();
        foreach (var endpoint in Endpoints().Where(e => (e.RoutePattern.RawText ?? "").StartsWith("/api/", StringComparison.Ordinal) || (e.RoutePattern.RawText ?? "").StartsWith("api/", StringComparison.Ordinal)))
        {
            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET";
            var path = "/" + Fill(endpoint.RoutePattern.RawText!).TrimStart('/');
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }
            var response = await client.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"{method} {path}");
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", $"{method} {path}");
        }
    }

    /// <summary>TAXII clients get 401 with a TAXII error resource and a Basic challenge, never a sign-in page.</summary>
    [Fact]
    public async Task EveryTaxiiEndpoint_Anonymous_Returns401TaxiiError()
    {
        var client = app.Anonymous();
        var taxii = Endpoints().Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("taxii2", StringComparison.Ordinal)).ToList();
        taxii.Count.ShouldBeGreaterThan(8);
        foreach (var endpoint in taxii)
        {
            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET";
            var path = "/" + Fill(endpoint.RoutePattern.RawText!).TrimStart('/');
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            var response = await client.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"{method} {path}");
            response.Headers.WwwAuthenticate.ToString().ShouldStartWith("Basic", customMessage: path);
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/taxii+json", $"{method} {path}");
        }
    }

    [Fact]
    public async Task EveryPage_Anonymous_RedirectsToSignIn()
    {
        var client = app.Anonymous();
        foreach (var endpoint in Endpoints().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && !(e.RoutePattern.RawText ?? "").Contains("api/", StringComparison.Ordinal) && !(e.RoutePattern.RawText ?? "").Contains("openapi", StringComparison.Ordinal) && !(e.RoutePattern.RawText ?? "").Contains("taxii2", StringComparison.Ordinal)))
        {
            var path = "/" + Fill(endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var response = await client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            response.Headers.Location!.ToString().ShouldContain("/Account/Login", customMessage: path);
        }
    }

    [Fact]
    public async Task OpenApiDocument_RequiresSignIn_AndDescribesTheApi()
    {
        (await app.Anonymous().GetAsync("/openapi/v1.json")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var document = await app.Admin().GetStringAsync("/openapi/v1.json");
        document.ShouldContain("\"/api/v1/sectors\"");
        document.ShouldContain("\"/api/v1/organisations/{id}\"");
        document.ShouldContain("\"/api/v1/me/tokens\"");
        document.ShouldContain("\"/api/v1/indicators\"");
    }

    private static string Fill(string pattern) => System.Text.RegularExpressions.Regex.Replace(pattern, @"\{([a-zA-Z]+)(:[a-z]+)?\}", m =>
        m.Groups[2].Value == ":guid" ? Guid.NewGuid().ToString() : m.Groups[1].Value switch
        {
            "documentName" => "v1",
            "kind" => "ceptoar",
            "type" => "sector",
            _ => "telecom",
        });
}
