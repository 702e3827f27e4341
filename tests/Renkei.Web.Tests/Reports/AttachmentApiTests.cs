using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Identity;
using Renkei.Reports;
using Renkei.Storage;
using Renkei.Testing;

namespace Renkei.Web.Tests.Reports;

/// <summary>Report attachments through the API: who may add and read them, limits, downloads, audit.</summary>
public abstract class AttachmentApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private static byte[] Bytes(int length, byte fill = (byte)'x') => Enumerable.Repeat(fill, length).ToArray();

    private async Task<int> StoredAsync(Guid reportId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RenkeiDbContext>().ReportAttachments.CountAsync(a => a.ReportId == reportId);
    }

    private static async Task<JsonElement> UploadedAsync(HttpClient client, Guid id, byte[] bytes, string fileName = "log.txt", string contentType = "text/plain")
    {
        var response = await ReportChain.AttachAsync(client, id, bytes, fileName, contentType);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> RefusedAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.TryGetProperty("errors", out var errors).ShouldBeTrue(body.ToString());
        errors.TryGetProperty("file", out var reasons).ShouldBeTrue(body.ToString());
        return reasons;
    }

    private static async Task<Guid> DraftAsync(ReportChain chain, string tlp = "amber") =>
        (await ReportChain.CreateAsync(chain.Reporter, "ministry", tlp)).GetProperty("id").GetGuid();

    [Fact]
    public async Task Upload_ListAndDownload_RoundTripWithHash()
    {
        var chain = await ReportChain.CreateAsync(app);
        var id = await DraftAsync(chain);
        var bytes = Encoding.UTF8.GetBytes("2026-01-01T00:00:00Z 203.0.113.7 からの不審な通信\n");

        var uploaded = await UploadedAsync(chain.Reporter, id, bytes, "通信ログ.txt", "text/plain; charset=utf-8");
        uploaded.GetProperty("fileName").GetString().ShouldBe("通信ログ.txt");
        uploaded.GetProperty("contentType").GetString().ShouldBe("text/plain");
        uploaded.GetProperty("size").GetInt64().ShouldBe(bytes.Length);
        uploaded.GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        uploaded.GetProperty("submission").GetInt32().ShouldBe(0, "added to the draft");
        uploaded.GetProperty("uploadedBy").GetProperty("userId").GetGuid().ShouldBe(chain.ReporterUser);
        var attachmentId = uploaded.GetProperty("id").GetGuid();

        var list = await chain.Reporter.GetFromJsonAsync<List<JsonElement>>($"/api/v1/reports/{id}/attachments");
        list!.Select(a => a.GetProperty("id").GetGuid()).ShouldBe([attachmentId]);

        var download = await chain.Reporter.GetAsync($"/api/v1/reports/{id}/attachments/{attachmentId}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("通信ログ.txt");
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);

        // After the first report the file travels with it, and later files count from that submission.
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit");
        var atMinistry = await chain.Ministry.GetAsync($"/api/v1/reports/{id}/attachments/{attachmentId}");
        (await atMinistry.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        var second = await UploadedAsync(chain.Reporter, id, Bytes(10), "screen.png", "image/png");
        second.GetProperty("submission").GetInt32().ShouldBe(1);
        var atMinistryList = await chain.Ministry.GetFromJsonAsync<List<JsonElement>>($"/api/v1/reports/{id}/attachments");
        atMinistryList!.Select(a => a.GetProperty("fileName").GetString()).ShouldBe(["通信ログ.txt", "screen.png"]);
    }

    [Fact]
    public async Task HtmlFile_IsServedAsADownload_WithItsNameSanitised()
    {
        var chain = await ReportChain.CreateAsync(app);
        var id = await DraftAsync(chain);
        var uploaded = await UploadedAsync(chain.Reporter, id, Encoding.UTF8.GetBytes("<script>alert(1)</script>"), "..\\..\\invoice\u202Elmth.exe", "text/html");
        uploaded.GetProperty("fileName").GetString().ShouldBe("invoicelmth.exe", "no path, no right-to-left override");

        var download = await chain.Reporter.GetAsync($"/api/v1/reports/{id}/attachments/{uploaded.GetProperty("id").GetGuid()}");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        download.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'self'");
    }

    [Fact]
    public async Task OnlyTheReportingSidesReporters_Upload_AndOnlyReadersOfTheReport_SeeFiles()
    {
        var chain = await ReportChain.CreateAsync(app);
        var id = await DraftAsync(chain);
        var attachmentId = (await UploadedAsync(chain.Reporter, id, Bytes(10))).GetProperty("id").GetGuid();
        var (ownViewer, _) = await app.ClientAsync(chain.ReporterOrganisation, Role.Viewer);

        // A draft is the reporting organisation's alone.
        (await chain.Ministry.GetAsync($"/api/v1/reports/{id}/attachments")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await chain.Ministry.GetAsync($"/api/v1/reports/{id}/attachments/{attachmentId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ownViewer.GetAsync($"/api/v1/reports/{id}/attachments/{attachmentId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReportChain.AttachAsync(ownViewer, id, Bytes(10))).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "viewers do not file reports");
        (await UploadedAsync(chain.ReporterColleague, id, Bytes(10))).GetProperty("uploadedBy").GetProperty("disclosed").GetBoolean().ShouldBeTrue();

        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit");
        (await chain.Ministry.GetFromJsonAsync<List<JsonElement>>($"/api/v1/reports/{id}/attachments"))!.Count.ShouldBe(2);
        (await ReportChain.AttachAsync(chain.Ministry, id, Bytes(10))).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "desks read, they do not add files");

        foreach (var outsider in new[] { chain.OtherMinistry, chain.OtherSector, chain.Nisc })
        {
            (await outsider.GetAsync($"/api/v1/reports/{id}/attachments")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await outsider.GetAsync($"/api/v1/reports/{id}/attachments/{attachmentId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await ReportChain.AttachAsync(outsider, id, Bytes(10))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        // An attachment is found only under its own report.
        var other = await DraftAsync(chain);
        (await chain.Reporter.GetAsync($"/api/v1/reports/{other}/attachments/{attachmentId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await chain.Reporter.GetAsync($"/api/v1/reports/{id}/attachments/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await StoredAsync(id)).ShouldBe(2);
    }

    [Fact]
    public async Task FileLargerThanTheLimit_413NamesTheField_NothingStored()
    {
        var chain = await ReportChain.CreateAsync(app);
        var id = await DraftAsync(chain);

        var reasons = await RefusedAsync(await ReportChain.AttachAsync(chain.Reporter, id, Bytes(SmallAttachmentLimits.MaxFileBytes + 1)), HttpStatusCode.RequestEntityTooLarge);
        reasons[0].GetString()!.ShouldContain("4 KB");
        // A body beyond the file and its framing is refused before anything reads it, still naming the field.
        await RefusedAsync(await ReportChain.AttachAsync(chain.Reporter, id, Bytes(200 * 1024)), HttpStatusCode.RequestEntityTooLarge);
        (await StoredAsync(id)).ShouldBe(0);
        (await UploadedAsync(chain.Reporter, id, Bytes(SmallAttachmentLimits.MaxFileBytes))).GetProperty("size").GetInt64().ShouldBe(SmallAttachmentLimits.MaxFileBytes);
    }

    [Fact]
    public async Task EmptyOrMissingFile_NamesTheField_NotAForm_415_NothingStored()
    {
        var chain = await ReportChain.CreateAsync(app);
        var id = await DraftAsync(chain);

        (await RefusedAsync(await ReportChain.AttachAsync(chain.Reporter, id, []), HttpStatusCode.BadRequest))[0].GetString().ShouldBe("must not be empty");
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(Bytes(10)), "document", "log.txt" } })
        {
            await RefusedAsync(await chain.Reporter.PostAsync($"/api/v1/reports/{id}/attachments", form), HttpStatusCode.BadRequest);
        }
        var json = await chain.Reporter.PostAsJsonAsync($"/api/v1/reports/{id}/attachments", new { file = "bG9n" });
        json.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        json.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await StoredAsync(id)).ShouldBe(0);
    }

    [Fact]
    public async Task MoreFilesThanTheLimit_NamesTheField_NothingStored()
    {
        var chain = await ReportChain.CreateAsync(app);
        var id = await DraftAsync(chain);
        for (var i = 0; i < SmallAttachmentLimits.MaxFilesPerReport; i++)
        {
            await UploadedAsync(chain.Reporter, id, Bytes(10 + i), $"log{i}.txt");
        }
        var reasons = await RefusedAsync(await ReportChain.AttachAsync(chain.Reporter, id, Bytes(10)), HttpStatusCode.BadRequest);
        reasons[0].GetString()!.ShouldContain($"{SmallAttachmentLimits.MaxFilesPerReport} files");
        (await StoredAsync(id)).ShouldBe(SmallAttachmentLimits.MaxFilesPerReport);
    }

    [Fact]
    public async Task ClosedReport_TakesNoFiles()
    {
        var chain = await ReportChain.CreateAsync(app);
        var id = await DraftAsync(chain);
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RenkeiDbContext>().Reports.Where(r => r.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ReportState.Closed));
        }
        (await ReportChain.AttachAsync(chain.Reporter, id, Bytes(10))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await StoredAsync(id)).ShouldBe(0);
    }

    [Fact]
    public async Task DownloadFromAnAmberReport_IsAuditedAsARead_GreenIsNot()
    {
        var chain = await ReportChain.CreateAsync(app);
        var amber = await DraftAsync(chain, "amber");
        var green = await DraftAsync(chain, "green");
        var amberFile = (await UploadedAsync(chain.Reporter, amber, Bytes(10))).GetProperty("id").GetGuid();
        var greenFile = (await UploadedAsync(chain.Reporter, green, Bytes(10))).GetProperty("id").GetGuid();
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{amber}/submit");
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{green}/submit");

        (await chain.Ministry.GetAsync($"/api/v1/reports/{amber}/attachments/{amberFile}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await chain.Ministry.GetAsync($"/api/v1/reports/{green}/attachments/{greenFile}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var ministryEmail = (await chain.Ministry.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("email").GetString();
        var reads = await chain.NiscAuditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=read&resourceType=report_attachments&resourceId={amberFile}");
        reads.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("actor").GetString()).ShouldBe([ministryEmail]);
        var greenReads = await chain.NiscAuditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=read&resourceType=report_attachments&resourceId={greenFile}");
        greenReads.GetProperty("total").GetInt32().ShouldBe(0);
        var created = await chain.NiscAuditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=create&resourceType=report_attachments&resourceId={amberFile}");
        created.GetProperty("total").GetInt32().ShouldBe(1, "the upload is a write in the trail");
    }

    [Fact]
    public async Task BrowserSession_NeedsTheAntiforgeryToken()
    {
        var chain = await ReportChain.CreateAsync(app);
        var id = await DraftAsync(chain);
        var email = (await chain.Reporter.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("email").GetString()!;
        var browser = app.Web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await browser.GetStringAsync("/Account/Login");
        var signIn = await browser.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestData.Password,
            ["__af"] = new HtmlParser().ParseDocument(login).QuerySelector("input[name=__af]")!.GetAttribute("value")!,
        }));
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await ReportChain.AttachAsync(browser, id, Bytes(10))).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a session cookie alone could come from another site's form");
        (await StoredAsync(id)).ShouldBe(0);

        var token = new HtmlParser().ParseDocument(await browser.GetStringAsync("/")).QuerySelector("input[name=__af]")!.GetAttribute("value")!;
        browser.DefaultRequestHeaders.Add("RequestVerificationToken", token);
        (await ReportChain.AttachAsync(browser, id, Bytes(10))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}

/// <summary>Hosts with small attachment limits, so that tests reach them cheaply.</summary>
public static class SmallAttachmentLimits
{
    public const int MaxFileBytes = 4096;
    public const int MaxFilesPerReport = 3;

    public static IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Renkei:Attachments:MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Renkei:Attachments:MaxFilesPerReport"] = MaxFilesPerReport.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed class SmallAttachmentsSqliteApp() : RenkeiApp(DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?> Settings => SmallAttachmentLimits.Settings;
}

public sealed class SmallAttachmentsPostgresApp() : RenkeiApp(DatabaseProvider.Postgres)
{
    protected override IReadOnlyDictionary<string, string?> Settings => SmallAttachmentLimits.Settings;
}

public sealed class AttachmentApiTests_Sqlite(SmallAttachmentsSqliteApp app) : AttachmentApiTests<SmallAttachmentsSqliteApp>(app);

public sealed class AttachmentApiTests_Postgres(SmallAttachmentsPostgresApp app) : AttachmentApiTests<SmallAttachmentsPostgresApp>(app);
