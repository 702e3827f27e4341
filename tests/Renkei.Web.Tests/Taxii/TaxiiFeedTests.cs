using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Access;
using Renkei.Identity;
using Renkei.Storage;
using Renkei.Taxii.Feeds;
using Renkei.Testing;

using static Renkei.Web.Tests.Taxii.StixSamples;

namespace Renkei.Web.Tests.Taxii;

/// <summary>
/// Renkei as a TAXII client: a feed configured here pulls a collection from a second Renkei (the
/// shipped host, on loopback) page by page from its checkpoint, shares what arrives with the
/// feed's audience only, and shows failures (credentials, an unreachable partner) on its status.
/// </summary>
public abstract class TaxiiFeedTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : FeedApp
{
    [Fact]
    public async Task PartnerFeed_ArrivesPageByPage_ThenOnlyWhatIsNew_SharedWithItsAudienceOnly()
    {
        var partner = await app.PartnerAsync();
        var (partnerTaxii, partnerCollection) = await partner.CollectionAsync();
        await FeedApp.Partner.PostAsync(partnerTaxii, partnerCollection, Enumerable.Range(1, 10).Select(i => Indicator(10_000 + i, TlpGreen)));

        var (admin, caller, org) = await app.OperatorAsync(roles: Role.Admin);
        var created = await admin.PostAsJsonAsync("/api/v1/taxii-feeds", FeedApp.FeedInput(partner, partnerCollection, caller.OrganisationId), FeedApp.Json);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var feed = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // Created feeds are due at once: the worker pulls without being asked.
        var first = await FeedApp.WaitForRunsAsync(admin, feed, 1);
        var run = first.GetProperty("runs")[0];
        run.GetProperty("outcome").GetString().ShouldBe("succeeded", run.ToString());
        run.GetProperty("pages").GetInt32().ShouldBe(3); // limit 4: 4 + 4 + 2
        run.GetProperty("objectsReceived").GetInt32().ShouldBe(10);
        run.GetProperty("objectsAdded").GetInt32().ShouldBe(10);
        run.GetProperty("setsCreated").GetInt32().ShouldBe(2); // batches of at least 6 objects: 8, then 2
        var status = first.GetProperty("feed");
        status.GetProperty("lastError").ValueKind.ShouldBe(JsonValueKind.Null);
        status.GetProperty("lastSuccessAt").ValueKind.ShouldBe(JsonValueKind.String);
        status.GetProperty("checkpoint").GetString().ShouldNotBeNullOrEmpty();
        status.GetProperty("consecutiveFailures").GetInt32().ShouldBe(0);

        // Shared with the organisation (the feed's audience), labelled no weaker than the feed's AMBER.
        var colleague = (await app.ClientAsync(org.Id, Role.Analyst)).Client;
        var sets = await colleague.GetFromJsonAsync<JsonElement>("/api/v1/indicator-sets");
        var fromFeed = sets.GetProperty("items").EnumerateArray().Where(s => s.GetProperty("channel").GetString() == "feed_pull").ToList();
        fromFeed.Count.ShouldBe(2);
        fromFeed.Sum(s => s.GetProperty("objectCount").GetInt32()).ShouldBe(10);
        fromFeed.ShouldAllBe(s => s.GetProperty("tlp").GetString() == "amber");
        var outsider = (await app.OperatorAsync()).Client;
        var seen = await outsider.GetFromJsonAsync<JsonElement>("/api/v1/indicator-sets");
        seen.GetProperty("items").EnumerateArray().ShouldNotContain(s => s.GetProperty("channel").GetString() == "feed_pull" && fromFeed.Any(f => f.GetProperty("id").GetGuid() == s.GetProperty("id").GetGuid()));
        // What a feed brings is correlated like any import ("seen before"), for those who may read it only.
        const string Lookup = "/api/v1/indicators?type=ipv4&value=198.51.39.17"; // indicator 10,001's address
        var places = (await colleague.GetFromJsonAsync<JsonElement>(Lookup)).GetProperty("places").GetProperty("items").EnumerateArray().ToList();
        places.ShouldContain(p => fromFeed.Any(f => f.GetProperty("id").GetGuid() == p.GetProperty("id").GetGuid()));
        (await outsider.GetFromJsonAsync<JsonElement>(Lookup)).GetProperty("places").GetProperty("items").EnumerateArray()
            .ShouldNotContain(p => fromFeed.Any(f => f.GetProperty("id").GetGuid() == p.GetProperty("id").GetGuid()));

        // New objects and a new version of an old one: the next pull brings exactly those.
        await FeedApp.Partner.PostAsync(partnerTaxii, partnerCollection,
            [.. Enumerable.Range(11, 3).Select(i => Indicator(10_000 + i, TlpGreen)), Indicator(10_001, TlpGreen, modified: "2026-02-01T00:00:00.000Z")]);
        (await admin.PostAsync($"/api/v1/taxii-feeds/{feed}/pull", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        run = (await FeedApp.WaitForRunsAsync(admin, feed, 2)).GetProperty("runs")[0];
        run.GetProperty("outcome").GetString().ShouldBe("succeeded", run.ToString());
        run.GetProperty("objectsReceived").GetInt32().ShouldBe(4);
        run.GetProperty("objectsAdded").GetInt32().ShouldBe(4);
        run.GetProperty("checkpointBefore").GetString().ShouldBe(status.GetProperty("checkpoint").GetString());

        // Nothing new: nothing stored.
        (await admin.PostAsync($"/api/v1/taxii-feeds/{feed}/pull", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var third = await FeedApp.WaitForRunsAsync(admin, feed, 3);
        run = third.GetProperty("runs")[0];
        run.GetProperty("objectsReceived").GetInt32().ShouldBe(0);
        run.GetProperty("setsCreated").GetInt32().ShouldBe(0);
        third.GetProperty("feed").GetProperty("objectsAdded").GetInt64().ShouldBe(14);

        // The objects that arrived are the partner's, byte for byte.
        var local = await app.TaxiiAsync(org.Id);
        var mine = await local.CollectionAsync("organisation:" + org.Id.ToString("D"));
        var page = await local.OkAsync($"{TaxiiClient.Root}collections/{mine}/objects/?match[id]=indicator--00002711-0000-4000-8000-000000000000&match[version]=all");
        page.GetProperty("objects").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task WrongCredentials_AreShownOnTheStatus_AndNotRetriedAtOnce_ThenTheFeedRecovers()
    {
        var partner = await app.PartnerAsync();
        // Only the first test posts to the partner's collection, so its counts are exact.
        var (_, partnerCollection) = await partner.CollectionAsync();
        var (admin, caller, _) = await app.OperatorAsync(roles: Role.Admin);
        var input = FeedApp.FeedInput(partner, partnerCollection, caller.OrganisationId, secret: "rk_not_the_token");
        var created = await admin.PostAsJsonAsync("/api/v1/taxii-feeds", input, FeedApp.Json);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var feed = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var failed = await FeedApp.WaitForRunsAsync(admin, feed, 1);
        var run = failed.GetProperty("runs")[0];
        run.GetProperty("outcome").GetString().ShouldBe("failed");
        run.GetProperty("requests").GetInt32().ShouldBe(1, "a refusal of credentials is not tried again within the run");
        var status = failed.GetProperty("feed");
        status.GetProperty("lastError").GetString()!.ShouldContain("HTTP 401");
        status.GetProperty("consecutiveFailures").GetInt32().ShouldBe(1);
        status.GetProperty("lastSuccessAt").ValueKind.ShouldBe(JsonValueKind.Null);
        var retryIn = status.GetProperty("nextRunAt").GetDateTime() - status.GetProperty("lastAttemptAt").GetDateTime();
        retryIn.ShouldBeInRange(TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(70)); // first backoff: a minute

        // The admin corrects the token: the feed is due again and recovers.
        var fixedInput = input with { Secret = partner.Token, Version = status.GetProperty("version").GetInt32() };
        (await admin.PutAsJsonAsync($"/api/v1/taxii-feeds/{feed}", fixedInput, FeedApp.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var recovered = await FeedApp.WaitForRunsAsync(admin, feed, 2);
        recovered.GetProperty("runs")[0].GetProperty("outcome").GetString().ShouldBe("succeeded");
        recovered.GetProperty("feed").GetProperty("consecutiveFailures").GetInt32().ShouldBe(0);
        recovered.GetProperty("feed").GetProperty("lastError").ValueKind.ShouldBe(JsonValueKind.Null);
        recovered.GetProperty("feed").GetProperty("hasSecret").GetBoolean().ShouldBeTrue();
        (await admin.GetStringAsync($"/api/v1/taxii-feeds/{feed}")).ShouldNotContain(partner.Token);
    }

    [Fact]
    public async Task UnreachablePartner_IsRetriedWithinTheRun_ThenReported()
    {
        var (admin, caller, _) = await app.OperatorAsync(roles: Role.Admin);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nobody listens there now
        var input = new TaxiiFeedInput
        {
            Name = "停止中のパートナー",
            ApiRootUrl = $"http://127.0.0.1:{port}/taxii2/root",
            CollectionId = Guid.NewGuid().ToString(),
            Auth = TaxiiFeedAuth.Bearer,
            Secret = "token",
            Tlp = Tlp.Amber,
            IntervalMinutes = 60,
            Audience = [new AudienceEntry { Kind = AudienceKind.Organisation, Key = caller.OrganisationId.ToString("D") }],
        };
        var created = await admin.PostAsJsonAsync("/api/v1/taxii-feeds", input, FeedApp.Json);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("apiRootUrl").GetString().ShouldEndWith("/taxii2/root/");
        var feed = body.GetProperty("id").GetGuid();
        var failed = await FeedApp.WaitForRunsAsync(admin, feed, 1);
        var run = failed.GetProperty("runs")[0];
        run.GetProperty("outcome").GetString().ShouldBe("failed");
        run.GetProperty("requests").GetInt32().ShouldBe(FeedApp.Retries + 1);
        run.GetProperty("pages").GetInt32().ShouldBe(0);
        failed.GetProperty("feed").GetProperty("lastError").GetString()!.ShouldContain($"gave up after {FeedApp.Retries + 1} attempts");
    }

    [Fact]
    public async Task PartnerFailingOnce_IsRetriedWithinTheRun_AndTheRunSucceeds()
    {
        var partner = await app.PartnerAsync();
        var (_, partnerCollection) = await partner.CollectionAsync();
        await using var front = await FlakyFront.StartAsync(partner.Host.BaseAddress, failures: 1);
        var (admin, caller, _) = await app.OperatorAsync(roles: Role.Admin);
        var input = FeedApp.FeedInput(partner, partnerCollection, caller.OrganisationId) with { ApiRootUrl = new Uri(front.BaseAddress, TaxiiClient.Root).ToString() };
        var created = await admin.PostAsJsonAsync("/api/v1/taxii-feeds", input, FeedApp.Json);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var feed = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var run = (await FeedApp.WaitForRunsAsync(admin, feed, 1)).GetProperty("runs")[0];
        run.GetProperty("outcome").GetString().ShouldBe("succeeded", run.ToString());
        run.GetProperty("requests").GetInt32().ShouldBe(run.GetProperty("pages").GetInt32() + 1, "the 503 was asked again");
        front.Requests.ShouldBe(run.GetProperty("requests").GetInt32());
    }

    [Fact]
    public async Task Configuration_IsAdminsOnly_AndChecked()
    {
        var (analyst, analystCaller, _) = await app.OperatorAsync(roles: Role.Analyst);
        var (admin, caller, _) = await app.OperatorAsync(roles: Role.Admin);
        var ok = new TaxiiFeedInput
        {
            Name = "JPCERT/CC 共有フィード",
            ApiRootUrl = "http://127.0.0.1:9/taxii2/root/",
            CollectionId = Guid.NewGuid().ToString(),
            Auth = TaxiiFeedAuth.Basic,
            Username = "renkei@example.jp",
            Secret = "secret",
            Tlp = Tlp.Amber,
            IntervalMinutes = 60,
            Enabled = false,
            Audience = [new AudienceEntry { Kind = AudienceKind.Organisation, Key = caller.OrganisationId.ToString("D") }],
        };
        (await analyst.PostAsJsonAsync("/api/v1/taxii-feeds", ok with { Audience = [new AudienceEntry { Kind = AudienceKind.Organisation, Key = analystCaller.OrganisationId.ToString("D") }] }, FeedApp.Json))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await analyst.GetAsync("/api/v1/taxii-feeds")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await ShouldRefuseAsync(admin, ok with { Secret = null }, "secret");
        await ShouldRefuseAsync(admin, ok with { Username = null }, "username");
        await ShouldRefuseAsync(admin, ok with { Tlp = Tlp.Red }, "tlp");
        await ShouldRefuseAsync(admin, ok with { ApiRootUrl = "ftp://127.0.0.1/taxii2/" }, "apiRootUrl");
        await ShouldRefuseAsync(admin, ok with { CollectionId = "a/b" }, "collectionId");
        await ShouldRefuseAsync(admin, ok with { IntervalMinutes = 1 }, "intervalMinutes");
        // An operator shares feeds with its own circles, not with a whole sector.
        await ShouldRefuseAsync(admin, ok with { Audience = [new AudienceEntry { Kind = AudienceKind.Sector, Key = "electricity" }] }, "audience[0].key");

        var created = await admin.PostAsJsonAsync("/api/v1/taxii-feeds", ok, FeedApp.Json);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var view = await created.Content.ReadFromJsonAsync<JsonElement>();
        view.ToString().ShouldNotContain("\"secret\"");
        var id = view.GetProperty("id").GetGuid();
        // Another organisation's admin does not see it; a stale version is refused; pausing stops pulls now.
        var (otherAdmin, _, _) = await app.OperatorAsync(roles: Role.Admin);
        (await otherAdmin.GetAsync($"/api/v1/taxii-feeds/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherAdmin.DeleteAsync($"/api/v1/taxii-feeds/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.PutAsJsonAsync($"/api/v1/taxii-feeds/{id}", ok with { Version = 7 }, FeedApp.Json)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PostAsync($"/api/v1/taxii-feeds/{id}/pull", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.DeleteAsync($"/api/v1/taxii-feeds/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.GetAsync($"/api/v1/taxii-feeds/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Batches_AreValidatedWhole_RedIsRefused_AndRepeatsAreNotStoredTwice()
    {
        var (admin, caller, _) = await app.OperatorAsync(roles: Role.Admin);
        var created = await admin.PostAsJsonAsync("/api/v1/taxii-feeds", new TaxiiFeedInput
        {
            Name = "手動テスト",
            ApiRootUrl = "http://127.0.0.1:9/taxii2/root/",
            CollectionId = "c1",
            Auth = TaxiiFeedAuth.None,
            Tlp = Tlp.Green,
            IntervalMinutes = 60,
            Enabled = false,
            Audience = [new AudienceEntry { Kind = AudienceKind.Organisation, Key = caller.OrganisationId.ToString("D") }],
        }, FeedApp.Json);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using var scope = app.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<Renkei.Stix.StixImporter>();
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
        var feed = await db.TaxiiFeeds.AsNoTracking().FirstAsync(f => f.Id == id);
        static byte[] Bytes(JsonObject envelope) => Encoding.UTF8.GetBytes(envelope.ToJsonString());

        var good = Bytes(Envelope([Indicator(30_001, TlpGreen), Indicator(30_002, TlpAmber)]));
        var first = await importer.ImportFeedBatchAsync(caller, feed, good, "2026-03-01T00:00:00.000001Z");
        first.Ok.ShouldBeTrue(first.Problem?.ToString());
        first.Value!.Added.ShouldBe(2);
        (await db.IndicatorSets.AsNoTracking().SingleAsync(s => s.Id == first.Value.SetId)).Tlp.ShouldBe(Tlp.Amber, "the stricter of the feed's label and the markings");
        var again = await importer.ImportFeedBatchAsync(caller, feed, good, "2026-03-01T00:00:00.000002Z");
        again.Value!.Added.ShouldBe(0);
        again.Value.SetId.ShouldBeNull();
        (await db.TaxiiFeeds.AsNoTracking().SingleAsync(f => f.Id == id)).Checkpoint.ShouldBe("2026-03-01T00:00:00.000002Z");

        var bad = Indicator(30_003, TlpGreen);
        bad["pattern"] = "[ipv4-addr:value = ";
        var refused = await importer.ImportFeedBatchAsync(caller, feed, Bytes(Envelope([Indicator(30_004, TlpGreen), bad])), "2026-03-02T00:00:00.000000Z");
        refused.Ok.ShouldBeFalse();
        refused.Problem!.Errors!.Keys.ShouldContain(k => k.StartsWith("indicator--00007533", StringComparison.Ordinal));
        var red = await importer.ImportFeedBatchAsync(caller, feed, Bytes(Envelope([Indicator(30_005, TlpRed)])), "2026-03-02T00:00:00.000000Z");
        red.Ok.ShouldBeFalse();
        red.Problem!.Errors!.Keys.ShouldContain("tlp");
        (await db.TaxiiFeeds.AsNoTracking().SingleAsync(f => f.Id == id)).Checkpoint.ShouldBe("2026-03-01T00:00:00.000002Z", "a refused batch does not move the checkpoint");
        (await db.StixObjects.CountAsync(o => o.StixId == "indicator--00007534-0000-4000-8000-000000000000")).ShouldBe(0, "nothing of a refused batch is stored");
    }

    [Fact]
    public async Task Pages_ConfigureAFeed_ThenShowItsStatusAndRuns_PartnerStringsAsText()
    {
        var partner = await app.PartnerAsync();
        var (_, partnerCollection) = await partner.CollectionAsync();
        var (admin, _, _) = await app.OperatorAsync(roles: Role.Admin);
        (await (await app.OperatorAsync(roles: Role.Analyst)).Client.GetAsync("/Admin/Feeds")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var form = await Renkei.Web.Tests.Reports.HtmlForm.OpenAsync(admin, "/Admin/Feeds/Edit", "form.feed-form");
        form.Set("Input.Name", "<b>パートナー</b>").Set("Input.ApiRootUrl", new Uri(partner.Host.BaseAddress, TaxiiClient.Root).ToString())
            .Set("Input.CollectionId", partnerCollection).Set("Input.Auth", "Basic").Set("Input.Username", partner.Email).Set("Input.Secret", "rk_wrong")
            .Set("Input.Tlp", "Amber").Set("Input.IntervalMinutes", "30");
        var saved = await form.SubmitAsync(admin);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var location = saved.Headers.Location!.ToString();
        var id = Guid.Parse(location["/Admin/Feeds/".Length..]);
        await FeedApp.WaitForRunsAsync(admin, id, 1);

        var page = await Renkei.Web.Tests.Reports.HtmlForm.PageAsync(admin, location);
        page.QuerySelector("main b").ShouldBeNull("a feed's name is shown as text");
        page.QuerySelector("h1")!.TextContent.ShouldBe("<b>パートナー</b>");
        page.QuerySelector("#feed-last-error")!.TextContent.ShouldContain("HTTP 401");
        page.QuerySelector("#feed-runs tbody tr")!.GetAttribute("data-outcome").ShouldBe("failed");
        page.QuerySelector("#feed-settings")!.TextContent.ShouldNotContain("rk_wrong");

        // Editing keeps the stored secret unless a new one is typed; the form never echoes it.
        var edit = await Renkei.Web.Tests.Reports.HtmlForm.OpenAsync(admin, $"/Admin/Feeds/Edit/{id}", "form.feed-form");
        edit.Value("Input.Secret").ShouldBeNullOrEmpty();
        edit.Value("Input.Audience").ShouldNotBeNull("the organisation stays ticked");
        var fixedResponse = await edit.Set("Input.Secret", partner.Token).SubmitAsync(admin);
        fixedResponse.StatusCode.ShouldBe(HttpStatusCode.Redirect, await fixedResponse.Content.ReadAsStringAsync());
        await FeedApp.WaitForRunsAsync(admin, id, 2);
        page = await Renkei.Web.Tests.Reports.HtmlForm.PageAsync(admin, location);
        page.QuerySelector("#feed-last-error").ShouldBeNull();
        page.QuerySelector("#feed-runs tbody tr")!.GetAttribute("data-outcome").ShouldBe("succeeded");
        var list = await Renkei.Web.Tests.Reports.HtmlForm.PageAsync(admin, "/Admin/Feeds");
        list.QuerySelector($"tr[data-feed-id='{id}'] .tag.ok").ShouldNotBeNull();

        // A bad value comes back beside its field, and the secret typed is not sent back.
        var bad = await Renkei.Web.Tests.Reports.HtmlForm.OpenAsync(admin, "/Admin/Feeds/Edit", "form.feed-form");
        var refused = await bad.Set("Input.Name", "x").Set("Input.ApiRootUrl", "ftp://example.jp/").Set("Input.CollectionId", "c").Set("Input.Secret", "typed-secret").SubmitAsync(admin);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldNotContain("typed-secret");
        Renkei.Web.Tests.Reports.HtmlForm.Parse(html).QuerySelector("[data-valmsg-for='Input.ApiRootUrl']")!.TextContent.ShouldNotBeNullOrWhiteSpace();
    }

    private static async Task ShouldRefuseAsync(HttpClient admin, TaxiiFeedInput input, string field)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/taxii-feeds", input, FeedApp.Json);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(text);
    }
}

/// <summary>
/// The local Renkei (in process, its feed worker running) and, on demand, a partner Renkei: the
/// shipped host as a child process on loopback with a database of its own.
/// </summary>
public abstract class FeedApp(DatabaseProvider provider) : RenkeiApp(provider)
{
    public const int Retries = 2;

    /// <summary>The API's JSON (enums as their snake_case names).</summary>
    public static readonly JsonSerializerOptions Json = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Renkei.Web.Infrastructure.ApiJson.Configure(options);
        return options;
    }
    private readonly SemaphoreSlim _partnerLock = new(1, 1);
    private Partner? _partner;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Renkei:TaxiiFeeds:AllowHttp"] = "true",
        ["Renkei:TaxiiFeeds:AllowPrivateNetworks"] = "true",
        ["Renkei:TaxiiFeeds:PageLimit"] = "4",
        ["Renkei:TaxiiFeeds:BatchObjects"] = "6",
        ["Renkei:TaxiiFeeds:Retries"] = Retries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Renkei:TaxiiFeeds:RetryDelay"] = "00:00:00.050",
        ["Renkei:TaxiiFeeds:Poll"] = "00:00:00.500",
        ["Renkei:TaxiiFeeds:Timeout"] = "00:00:20",
    };

    public sealed record Partner(WebHostProcess Host, TestDatabase Database, string DataDirectory, string Email, string Token)
    {
        /// <summary>The partner admin's collection for its organisation.</summary>
        internal async Task<(TaxiiClient Client, string Collection)> CollectionAsync()
        {
            var http = new HttpClient { BaseAddress = Host.BaseAddress };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Email}:{Token}")));
            http.DefaultRequestHeaders.Accept.ParseAdd(TaxiiClient.Media);
            var client = new TaxiiClient(http);
            var collections = await client.OkAsync(TaxiiClient.Root + "collections/");
            var collection = collections.GetProperty("collections").EnumerateArray().First(c => c.GetProperty("alias").GetString()!.StartsWith("organisation:", StringComparison.Ordinal));
            return (client, collection.GetProperty("id").GetString()!);
        }

        internal static async Task PostAsync(TaxiiClient client, string collection, IEnumerable<JsonObject> objects)
        {
            var (status, body) = await client.PostAsync($"{TaxiiClient.Root}collections/{collection}/objects/", Envelope(objects));
            status.ShouldBe(HttpStatusCode.Accepted, body.ToString());
            body.GetProperty("failure_count").GetInt32().ShouldBe(0, body.ToString());
        }
    }

    /// <summary>The partner is started once per fixture; its tests each use objects of their own.</summary>
    public async Task<Partner> PartnerAsync()
    {
        await _partnerLock.WaitAsync();
        try
        {
            if (_partner is null)
            {
                var database = await TestDatabase.CreateAsync(Provider, DatabaseState.Seeded);
                var data = System.IO.Directory.CreateTempSubdirectory("renkei-partner-").FullName;
                const string email = "partner-admin@partner.test";
                const string token = "rk_partner_token_for_feed_tests_0123456789";
                var host = await WebHostProcess.StartAsync(Path.Combine(AppContext.BaseDirectory, "Renkei.Web.dll"), new Dictionary<string, string?>
                {
                    ["ConnectionStrings__Renkei"] = database.Settings.ConnectionString,
                    ["RENKEI_DATA_DIR"] = data,
                    ["RENKEI_ADMIN_EMAIL"] = email,
                    ["RENKEI_ADMIN_PASSWORD"] = "a long partner passphrase",
                    ["RENKEI_ADMIN_TOKEN"] = token,
                });
                _partner = new Partner(host, database, data, email, token);
            }
            return _partner;
        }
        finally
        {
            _partnerLock.Release();
        }
    }

    public static TaxiiFeedInput FeedInput(Partner partner, string collection, Guid organisationId, string? secret = null) => new()
    {
        Name = "パートナーCSIRT <script>alert(1)</script>",
        ApiRootUrl = new Uri(partner.Host.BaseAddress, TaxiiClient.Root).ToString(),
        CollectionId = collection,
        Auth = TaxiiFeedAuth.Basic,
        Username = partner.Email,
        Secret = secret ?? partner.Token,
        Tlp = Tlp.Amber,
        IntervalMinutes = 60,
        Audience = [new AudienceEntry { Kind = AudienceKind.Organisation, Key = organisationId.ToString("D") }],
    };

    /// <summary>The feed's detail once it has at least <paramref name="runs"/> runs (the worker pulls on its own).</summary>
    public static async Task<JsonElement> WaitForRunsAsync(HttpClient admin, Guid feed, int runs)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/taxii-feeds/{feed}");
            if (detail.GetProperty("runs").GetArrayLength() >= runs && !detail.GetProperty("feed").GetProperty("running").GetBoolean())
            {
                return detail;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The feed has not run {runs} times: {detail}");
            }
            await Task.Delay(200);
        }
    }

    internal async Task<TaxiiClient> TaxiiAsync(Guid organisationId) => (await TaxiiClient.ForAsync(this, organisationId, Role.Analyst)).Client;

    public override async Task DisposeAsync()
    {
        if (_partner is not null)
        {
            await _partner.Host.DisposeAsync();
            await _partner.Database.DisposeAsync();
            try
            {
                System.IO.Directory.Delete(_partner.DataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
        await base.DisposeAsync();
    }
}

public sealed class FeedSqliteApp() : FeedApp(DatabaseProvider.Sqlite);

public sealed class FeedPostgresApp() : FeedApp(DatabaseProvider.Postgres);

public sealed class TaxiiFeedTests_Sqlite(FeedSqliteApp app) : TaxiiFeedTests<FeedSqliteApp>(app);

public sealed class TaxiiFeedTests_Postgres(FeedPostgresApp app) : TaxiiFeedTests<FeedPostgresApp>(app);
