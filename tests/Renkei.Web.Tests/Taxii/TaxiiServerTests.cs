using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Storage;
using Renkei.Testing;

using static Renkei.Web.Tests.Taxii.StixSamples;

namespace Renkei.Web.Tests.Taxii;

/// <summary>
/// The TAXII 2.1 server driven as a client would: discovery, collections per audience, posting an
/// envelope and reading it back page by page with the date-added headers, manifests, versions,
/// one object, status resources, deletes, and the error statuses the spec names.
/// </summary>
public abstract class TaxiiServerTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TaxiiApp
{
    private async Task<(TaxiiClient Client, Renkei.Access.Caller Caller, Organisation Org)> OperatorAsync(string sector = "electricity", Role role = Role.Analyst, IReadOnlyList<string>? ceptoars = null)
    {
        var org = await app.Data.OrganisationAsync(OrganisationKind.Operator, sector, null, null, ceptoars);
        var (client, caller) = await TaxiiClient.ForAsync(app, org.Id, role);
        return (client, caller, org);
    }

    [Fact]
    public async Task Discovery_ApiRoot_Collections_DescribeTheServer()
    {
        var (client, caller, _) = await OperatorAsync(ceptoars: ["electricity"]);
        var discovery = await client.OkAsync("/taxii2/");
        discovery.GetProperty("api_roots")[0].GetString().ShouldEndWith("/taxii2/renkei/");
        var root = await client.OkAsync(TaxiiClient.Root);
        root.GetProperty("versions")[0].GetString().ShouldBe(TaxiiClient.Media);
        root.GetProperty("max_content_length").GetInt64().ShouldBe(TaxiiApp.MaxContentLength);

        var collections = (await client.OkAsync(TaxiiClient.Root + "collections/")).GetProperty("collections").EnumerateArray().ToList();
        var aliases = collections.Select(c => c.GetProperty("alias").GetString()).ToList();
        aliases.ShouldBe(["public", "all-ci", "sector:electricity", "scope:electricity", "ceptoar:electricity", "organisation:" + caller.OrganisationId.ToString("D"), "user:" + caller.UserId.ToString("D")], ignoreOrder: true);
        var own = collections.Single(c => c.GetProperty("alias").GetString()!.StartsWith("organisation:", StringComparison.Ordinal));
        own.GetProperty("can_write").GetBoolean().ShouldBeTrue();
        own.GetProperty("media_types")[0].GetString().ShouldBe("application/stix+json;version=2.1");
        // An operator does not publish to its whole sector; its CEPTOAR peers it may.
        collections.Single(c => c.GetProperty("alias").GetString() == "sector:electricity").GetProperty("can_write").GetBoolean().ShouldBeFalse();
        collections.Single(c => c.GetProperty("alias").GetString() == "ceptoar:electricity").GetProperty("can_write").GetBoolean().ShouldBeTrue();
        var one = await client.OkAsync($"{TaxiiClient.Root}collections/{own.GetProperty("id").GetString()}/");
        one.GetProperty("title").GetString().ShouldBe("自組織");
    }

    [Fact]
    public async Task PostThenPage_EveryObjectOnce_InOrder_WithDateAddedHeaders()
    {
        var (client, caller, _) = await OperatorAsync();
        var collection = await client.CollectionAsync("organisation:" + caller.OrganisationId.ToString("D"));
        var objects = $"{TaxiiClient.Root}collections/{collection}/objects/";
        var (status, body) = await client.PostAsync(objects, Envelope(Enumerable.Range(1, 1250).Select(i => Indicator(i, TlpGreen))));
        status.ShouldBe(HttpStatusCode.Accepted, body.ToString());
        body.GetProperty("status").GetString().ShouldBe("complete");
        body.GetProperty("total_count").GetInt32().ShouldBe(1250);
        body.GetProperty("success_count").GetInt32().ShouldBe(1250);
        body.GetProperty("failure_count").GetInt32().ShouldBe(0);
        var statusId = body.GetProperty("id").GetString();
        (await client.OkAsync($"{TaxiiClient.Root}status/{statusId}/")).GetProperty("success_count").GetInt32().ShouldBe(1250);

        // Page through with limit/next; then resume with added_after from the last header.
        var seen = new List<string>();
        string? next = null;
        string? lastAdded = null;
        var pages = 0;
        do
        {
            var (code, page, response) = await client.GetAsync(objects + "?limit=500" + (next is null ? "" : "&next=" + next));
            code.ShouldBe(HttpStatusCode.OK);
            pages++;
            var first = response.Headers.GetValues("X-TAXII-Date-Added-First").Single();
            lastAdded = response.Headers.GetValues("X-TAXII-Date-Added-Last").Single();
            string.CompareOrdinal(first, lastAdded).ShouldBeLessThan(0);
            seen.AddRange(page.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("id").GetString()!));
            next = page.GetProperty("more").GetBoolean() ? page.GetProperty("next").GetString() : null;
        }
        while (next is not null);
        pages.ShouldBe(3);
        seen.Count.ShouldBe(1250);
        seen.Distinct().Count().ShouldBe(1250);
        seen[0].ShouldBe(Indicator(1)["id"]!.GetValue<string>());

        var after = await client.OkAsync(objects + "?added_after=" + lastAdded);
        after.GetProperty("more").GetBoolean().ShouldBeFalse();
        after.TryGetProperty("objects", out _).ShouldBeFalse();

        var manifest = await client.OkAsync($"{TaxiiClient.Root}collections/{collection}/manifest/?limit=2");
        manifest.GetProperty("more").GetBoolean().ShouldBeTrue();
        var entry = manifest.GetProperty("objects")[0];
        entry.GetProperty("id").GetString().ShouldBe(seen[0]);
        entry.GetProperty("version").GetString().ShouldBe("2026-01-01T00:00:00.000Z");
        entry.GetProperty("media_type").GetString().ShouldBe("application/stix+json;version=2.1");

        var filtered = await client.OkAsync(objects + $"?match[id]={seen[3]},{seen[4]}&match[type]=indicator");
        filtered.GetProperty("objects").GetArrayLength().ShouldBe(2);
        (await client.OkAsync(objects + "?match[type]=malware")).TryGetProperty("objects", out _).ShouldBeFalse();
        (await client.OkAsync(objects + "?match[spec_version]=2.0")).TryGetProperty("objects", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task DateAddedHeaders_AreThoseOfThePagesFirstAndLastEntry()
    {
        var (client, caller, _) = await OperatorAsync();
        var collection = await client.CollectionAsync("organisation:" + caller.OrganisationId.ToString("D"));
        var root = $"{TaxiiClient.Root}collections/{collection}/";
        (await client.PostAsync(root + "objects/", Envelope(Enumerable.Range(301, 3).Select(i => Indicator(i, TlpGreen))))).Status.ShouldBe(HttpStatusCode.Accepted);
        (await client.PostAsync(root + "objects/", Envelope(Enumerable.Range(304, 3).Select(i => Indicator(i, TlpGreen))))).Status.ShouldBe(HttpStatusCode.Accepted);

        // Object pages no longer read date_added per row; their headers must still be the
        // manifest's date_added of the same page's first and last entries, page after page.
        string? next = null;
        var pages = 0;
        do
        {
            var cursor = "?limit=4" + (next is null ? "" : "&next=" + next);
            var (_, manifest, manifestResponse) = await client.GetAsync(root + "manifest/" + cursor);
            var (_, page, pageResponse) = await client.GetAsync(root + "objects/" + cursor);
            var entries = manifest.GetProperty("objects").EnumerateArray().ToList();
            var first = entries[0].GetProperty("date_added").GetString();
            var last = entries[^1].GetProperty("date_added").GetString();
            page.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("id").GetString()).ShouldBe(entries.Select(e => e.GetProperty("id").GetString()));
            foreach (var response in new[] { manifestResponse, pageResponse })
            {
                response.Headers.GetValues("X-TAXII-Date-Added-First").Single().ShouldBe(first);
                response.Headers.GetValues("X-TAXII-Date-Added-Last").Single().ShouldBe(last);
            }
            next = page.GetProperty("more").GetBoolean() ? page.GetProperty("next").GetString() : null;
            pages++;
        }
        while (next is not null);
        pages.ShouldBe(2);
    }

    [Fact]
    public async Task Versions_LastFirstAll_AndOneObject()
    {
        var (client, caller, _) = await OperatorAsync();
        var collection = await client.CollectionAsync("organisation:" + caller.OrganisationId.ToString("D"));
        var objects = $"{TaxiiClient.Root}collections/{collection}/objects/";
        var v1 = Indicator(7, TlpGreen, "2026-02-01T00:00:00.000Z");
        var v2 = Indicator(7, TlpGreen, "2026-02-01T00:00:00.000Z", "2026-02-02T00:00:00.000Z");
        var v3 = Indicator(7, TlpGreen, "2026-02-01T00:00:00.000Z", "2026-02-03T00:00:00.000Z");
        (await client.PostAsync(objects, Envelope([v1, v3]))).Status.ShouldBe(HttpStatusCode.Accepted);
        (await client.PostAsync(objects, Envelope([v2]))).Status.ShouldBe(HttpStatusCode.Accepted);
        var id = v1["id"]!.GetValue<string>();

        var versions = await client.OkAsync($"{objects}{id}/versions/");
        versions.GetProperty("versions").EnumerateArray().Select(v => v.GetString()).ShouldBe(
            ["2026-02-01T00:00:00.000Z", "2026-02-03T00:00:00.000Z", "2026-02-02T00:00:00.000Z"]);
        (await client.OkAsync($"{objects}{id}/")).GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("modified").GetString())
            .ShouldBe(["2026-02-03T00:00:00.000Z", "2026-02-02T00:00:00.000Z"], "each post is its own set, so each holds a latest version");
        (await client.OkAsync($"{objects}{id}/?match[version]=all")).GetProperty("objects").GetArrayLength().ShouldBe(3);
        (await client.OkAsync($"{objects}{id}/?match[version]=first")).GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("modified").GetString())
            .ShouldBe(["2026-02-01T00:00:00.000Z", "2026-02-02T00:00:00.000Z"]);
        (await client.OkAsync($"{objects}{id}/?match[version]=2026-02-03T00:00:00.000Z")).GetProperty("objects").GetArrayLength().ShouldBe(1);
        (await client.GetAsync($"{objects}indicator--00000000-0000-0000-0000-000000000099/")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Access_ExactlyWhatTheUserMayRead_OthersGet404()
    {
        var (alice, aliceCaller, aliceOrg) = await OperatorAsync(ceptoars: ["electricity"]);
        var own = await alice.CollectionAsync("organisation:" + aliceCaller.OrganisationId.ToString("D"));
        var ceptoar = await alice.CollectionAsync("ceptoar:electricity");
        (await alice.PostAsync($"{TaxiiClient.Root}collections/{own}/objects/", Envelope([Indicator(101, TlpAmber)]))).Status.ShouldBe(HttpStatusCode.Accepted);
        (await alice.PostAsync($"{TaxiiClient.Root}collections/{ceptoar}/objects/", Envelope([Indicator(102, TlpGreen)]))).Status.ShouldBe(HttpStatusCode.Accepted);

        var (colleague, _) = await TaxiiClient.ForAsync(app, aliceOrg.Id, Role.Viewer);
        (await colleague.OkAsync($"{TaxiiClient.Root}collections/{own}/objects/")).GetProperty("objects").GetArrayLength().ShouldBe(1);
        // A viewer reads but does not write.
        (await colleague.PostAsync($"{TaxiiClient.Root}collections/{own}/objects/", Envelope([Indicator(103)]))).Status.ShouldBe(HttpStatusCode.Forbidden);

        var (peer, _, _) = await OperatorAsync(ceptoars: ["electricity"]);
        var peerView = await peer.OkAsync($"{TaxiiClient.Root}collections/{ceptoar}/objects/");
        peerView.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("id").GetString()).ShouldContain(Indicator(102)["id"]!.GetValue<string>());
        peerView.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("id").GetString()).ShouldNotContain(Indicator(101)["id"]!.GetValue<string>());
        (await peer.GetAsync($"{TaxiiClient.Root}collections/{own}/objects/")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await peer.GetAsync($"{TaxiiClient.Root}collections/{own}/")).Status.ShouldBe(HttpStatusCode.NotFound);

        var (outsider, _, _) = await OperatorAsync("gas");
        (await outsider.GetAsync($"{TaxiiClient.Root}collections/{ceptoar}/objects/")).Status.ShouldBe(HttpStatusCode.NotFound);
        // The same user sees the same in the API (the UI's source): the set is listed for the peer, not for the outsider.
    }

    [Fact]
    public async Task Delete_OwnImportsOnly()
    {
        var (alice, caller, org) = await OperatorAsync();
        var own = await alice.CollectionAsync("organisation:" + caller.OrganisationId.ToString("D"));
        var objects = $"{TaxiiClient.Root}collections/{own}/objects/";
        (await alice.PostAsync(objects, Envelope([Indicator(201, TlpGreen), Indicator(202, TlpGreen)]))).Status.ShouldBe(HttpStatusCode.Accepted);
        var id = Indicator(201)["id"]!.GetValue<string>();
        var (viewer, _) = await TaxiiClient.ForAsync(app, org.Id, Role.Viewer);
        (await viewer.Http.DeleteAsync($"{objects}{id}/")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await alice.Http.DeleteAsync($"{objects}{id}/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await alice.GetAsync($"{objects}{id}/")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await alice.OkAsync(objects)).GetProperty("objects").GetArrayLength().ShouldBe(1);
        (await alice.Http.DeleteAsync($"{objects}{id}/")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ErrorStatuses_AsTheSpecSays()
    {
        var (client, caller, _) = await OperatorAsync();
        var own = await client.CollectionAsync("organisation:" + caller.OrganisationId.ToString("D"));
        var objects = $"{TaxiiClient.Root}collections/{own}/objects/";

        var anonymous = app.Anonymous();
        anonymous.DefaultRequestHeaders.Accept.ParseAdd(TaxiiClient.Media);
        var unauthenticated = await anonymous.GetAsync(TaxiiClient.Root + "collections/");
        unauthenticated.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        unauthenticated.Headers.WwwAuthenticate.ToString().ShouldContain("Basic");
        (await unauthenticated.Content.ReadAsStringAsync()).ShouldContain("\"http_status\":\"401\"");

        var wrong = app.Anonymous();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{caller.Email}:rk_not_a_token")));
        (await wrong.GetAsync(TaxiiClient.Root)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var html = new HttpRequestMessage(HttpMethod.Get, objects);
        html.Headers.Accept.Clear();
        html.Headers.TryAddWithoutValidation("Accept", "text/html");
        client.Http.DefaultRequestHeaders.Accept.Clear();
        (await client.Http.SendAsync(html)).StatusCode.ShouldBe(HttpStatusCode.NotAcceptable);
        client.Http.DefaultRequestHeaders.Accept.ParseAdd("application/taxii+json;version=2.0");
        (await client.Http.GetAsync(objects)).StatusCode.ShouldBe(HttpStatusCode.NotAcceptable);
        client.Http.DefaultRequestHeaders.Accept.Clear();
        client.Http.DefaultRequestHeaders.Accept.ParseAdd(TaxiiClient.Media);

        (await client.PostAsync(objects, Envelope([Indicator(301)]), "application/json")).Status.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        var (tooLarge, error) = await client.PostAsync(objects, Envelope(Enumerable.Range(1, 6000).Select(i => Indicator(i))));
        tooLarge.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        error.GetProperty("http_status").GetString().ShouldBe("413");

        var (badLimit, limitError, _) = await client.GetAsync(objects + "?limit=zero");
        badLimit.ShouldBe(HttpStatusCode.BadRequest);
        limitError.GetProperty("details").GetProperty("parameter").GetString().ShouldBe("limit");
        (await client.GetAsync(objects + "?added_after=yesterday")).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync(objects + "?match[version]=newest")).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync($"{TaxiiClient.Root}collections/{Guid.NewGuid()}/objects/")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"{TaxiiClient.Root}status/{Guid.NewGuid()}/")).Status.ShouldBe(HttpStatusCode.NotFound);

        var (malformed, malformedBody) = await client.PostAsync(objects, JsonNode.Parse("{\"objects\": 5}")!);
        malformed.ShouldBe(HttpStatusCode.Accepted, "a status resource reports what was refused");
        malformedBody.GetProperty("failure_count").GetInt32().ShouldBeGreaterThan(0);
    }
}

/// <summary>The host with a small envelope limit, so the 413 test stays small.</summary>
public abstract class TaxiiApp(DatabaseProvider provider) : RenkeiApp(provider)
{
    public const long MaxContentLength = 1_000_000;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Renkei:Taxii:MaxContentLength"] = MaxContentLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed class TaxiiSqliteApp() : TaxiiApp(DatabaseProvider.Sqlite);

public sealed class TaxiiPostgresApp() : TaxiiApp(DatabaseProvider.Postgres);

public sealed class TaxiiServerTests_Sqlite(TaxiiSqliteApp app) : TaxiiServerTests<TaxiiSqliteApp>(app);

public sealed class TaxiiServerTests_Postgres(TaxiiPostgresApp app) : TaxiiServerTests<TaxiiPostgresApp>(app);
