using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Identity;
using Renkei.Storage;
using Renkei.Testing;
using Renkei.Web.Tests.Reports;
using Renkei.Web.Tests.Taxii;

namespace Renkei.Web.Tests.Stix;

/// <summary>
/// The STIX pages without JavaScript: a bundle uploaded from the form and shown with its
/// provenance, partners' strings shown as text, a bad bundle refused naming the object and the
/// reason, sets hidden from other organisations, and no upload form for viewers.
/// </summary>
public abstract class StixPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private const string Hostile = "<script>alert(1)</script>";

    private static byte[] Bundle(params JsonObject[] objects) => Encoding.UTF8.GetBytes(
        new JsonObject { ["type"] = "bundle", ["id"] = $"bundle--{Guid.NewGuid():D}", ["objects"] = new JsonArray(objects.Select(o => (JsonNode)o.DeepClone()).ToArray()) }.ToJsonString());

    private async Task<(int Sets, int Objects)> StoredAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
        return (await db.IndicatorSets.CountAsync(), await db.StixObjects.CountAsync());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bundle, Action<HtmlForm>? fill = null)
    {
        var form = (await HtmlForm.OpenAsync(client, "/Stix", "#stix-upload form")).Attach("Bundle", "bundle.json", bundle);
        fill?.Invoke(form);
        return await form.SubmitAsync(client);
    }

    [Fact]
    public async Task Upload_HostileNames_ShownAsTextOnTheSetPage_WithProvenanceAndDownload()
    {
        var (analyst, caller, _) = await app.OperatorAsync("electricity", null, Role.Analyst);
        var indicator = StixSamples.Indicator(0xa, StixSamples.TlpAmber);
        indicator["name"] = Hostile;
        indicator["pattern"] = "[file:name = '<script>x</script>.exe']";
        var response = await UploadAsync(analyst, Bundle(indicator, StixSamples.Indicator(0xb, StixSamples.TlpGreen)), f => f.Set("Input.Title", "<b>partner feed</b>"));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.ToString();
        location.ShouldStartWith("/Stix/Sets/");

        var html = await (await analyst.GetAsync(location)).Content.ReadAsStringAsync();
        var page = HtmlForm.Parse(html);
        page.QuerySelector("main script").ShouldBeNull("a partner's name is never markup");
        page.QuerySelector("main b").ShouldBeNull();
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        var row = page.QuerySelector($"table.stix-objects tr[data-stix-id='{indicator["id"]}']")!;
        row.QuerySelector(".stix-name")!.TextContent.ShouldBe(Hostile);
        row.QuerySelector(".stix-pattern")!.TextContent.Trim().ShouldBe("[file:name = '<script>x</script>.exe']");
        page.QuerySelectorAll("table.stix-objects tbody tr").Length.ShouldBe(2);
        page.QuerySelector("h1")!.TextContent.ShouldContain("<b>partner feed</b>");
        page.QuerySelector("h1 .tlp")!.TextContent.ShouldBe("TLP:AMBER", "the strictest marking labels the set");
        page.QuerySelector("#set-sha256")!.TextContent.Length.ShouldBe(64);
        page.QuerySelector("#set-audience")!.TextContent.ShouldContain(caller.OrganisationId.ToString("D"));

        var download = page.QuerySelector("#bundle-download")!.GetAttribute("href")!;
        var bundle = await analyst.GetAsync(download);
        bundle.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bundle.Content.ReadAsStringAsync()).ShouldContain(indicator["id"]!.GetValue<string>());

        var list = await HtmlForm.PageAsync(analyst, "/Stix");
        list.QuerySelector($"table.indicator-sets tr[data-set-id='{location["/Stix/Sets/".Length..]}']")!.TextContent.ShouldContain("<b>partner feed</b>");
        list.QuerySelector("main table b").ShouldBeNull();
    }

    [Fact]
    public async Task Upload_BrokenPattern_NamesTheObjectAndReason_AndStoresNothing()
    {
        var (analyst, _, _) = await app.OperatorAsync("electricity", null, Role.Analyst);
        var bad = StixSamples.Indicator(0xc, StixSamples.TlpAmber);
        bad["pattern"] = "[ipv4-addr:value = '1.2.3.4'";
        var before = await StoredAsync();

        var response = await UploadAsync(analyst, Bundle(StixSamples.Indicator(0xd, StixSamples.TlpAmber), bad));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = HtmlForm.Parse(await response.Content.ReadAsStringAsync());
        var errors = page.QuerySelector("#stix-errors")!;
        var item = errors.QuerySelector($"li[data-key='{bad["id"]}']")!;
        item.QuerySelector("code")!.TextContent.ShouldBe(bad["id"]!.GetValue<string>());
        item.QuerySelector(".reason")!.TextContent.ShouldContain("pattern");
        (await StoredAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Upload_UnmarkedBundle_NeedsATlp_ShownBesideTheField_ThenTakesTheChosenOne()
    {
        var (analyst, caller, _) = await app.OperatorAsync("electricity", ["electricity"], Role.Analyst);
        var unmarked = Bundle(StixSamples.Indicator(0xe));
        var refused = HtmlForm.Parse(await (await UploadAsync(analyst, unmarked)).Content.ReadAsStringAsync());
        refused.QuerySelector("[data-valmsg-for='Input.Tlp']").ShouldNotBeNull();

        var form = await HtmlForm.OpenAsync(analyst, "/Stix", "#stix-upload form");
        form.Value("Input.Audience").ShouldBe($"organisation:{caller.OrganisationId:D}");
        var options = (await HtmlForm.PageAsync(analyst, "/Stix")).QuerySelectorAll("#Input_Audience option").ToList();
        options.Select(o => o.GetAttribute("value")).ShouldBe([$"organisation:{caller.OrganisationId:D}", "ceptoar:electricity", $"user:{caller.UserId:D}"]);
        // The CEPTOAR is offered by its name, as the advisory and notice editors show audiences; the value stays its code.
        options[1].TextContent.ShouldBe("セプター: 電力 CEPTOAR");

        // TLP:RED goes to named people only: the audience error is shown beside the audience.
        var red = HtmlForm.Parse(await (await UploadAsync(analyst, unmarked, f => f.Set("Input.Tlp", "red"))).Content.ReadAsStringAsync());
        red.QuerySelector("[data-valmsg-for='Input.Audience']").ShouldNotBeNull();

        var response = await UploadAsync(analyst, unmarked, f => f.Set("Input.Tlp", "red").Set("Input.Audience", $"user:{caller.UserId:D}"));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var page = await HtmlForm.PageAsync(analyst, response.Headers.Location!.ToString());
        page.QuerySelector("h1 .tlp")!.TextContent.ShouldBe("TLP:RED");
    }

    [Fact]
    public async Task SetPage_AnotherOrganisation_NotFound_AndNotListed()
    {
        var (analyst, _, _) = await app.OperatorAsync("electricity", null, Role.Analyst);
        var response = await UploadAsync(analyst, Bundle(StixSamples.Indicator(0xf, StixSamples.TlpAmber)));
        var location = response.Headers.Location!.ToString();

        var (stranger, _, _) = await app.OperatorAsync("electricity", null, Role.Analyst);
        (await stranger.GetAsync(location)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/Stix/Sets/{Guid.NewGuid():D}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await HtmlForm.PageAsync(stranger, "/Stix");
        list.QuerySelector($"tr[data-set-id='{location["/Stix/Sets/".Length..]}']").ShouldBeNull();
    }

    [Fact]
    public async Task Viewer_SeesTheListButNoUploadForm()
    {
        var (viewer, _, _) = await app.OperatorAsync("electricity", null, Role.Viewer);
        var page = await HtmlForm.PageAsync(viewer, "/Stix");
        page.QuerySelector("#indicator-sets").ShouldNotBeNull();
        page.QuerySelector("#stix-upload").ShouldBeNull();
        page.QuerySelector("input[type=file]").ShouldBeNull();
        page.QuerySelector("nav.main-nav a[href='/Stix']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Upload_TooLarge_413WithAMessage()
    {
        var (analyst, _, _) = await app.OperatorAsync("electricity", null, Role.Analyst);
        var content = new ByteArrayContent(new byte[1]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("multipart/form-data");
        content.Headers.ContentLength = 200L * 1024 * 1024;
        var response = await analyst.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/Stix") { Content = content });
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).ShouldContain("大きすぎます");
    }
}

public sealed class StixPageTests_Sqlite(SqliteApp app) : StixPageTests<SqliteApp>(app);

public sealed class StixPageTests_Postgres(PostgresApp app) : StixPageTests<PostgresApp>(app);
