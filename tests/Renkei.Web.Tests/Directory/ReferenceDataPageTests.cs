using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Renkei.Testing;

namespace Renkei.Web.Tests.Directory;

public sealed class ReferenceDataPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task SectorPage_RenamesABusinessScope_AsANewVersion()
    {
        var client = app.Web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RenkeiApp.AdminToken);
        var html = await client.GetStringAsync("/Admin/Sectors/finance");
        var document = new HtmlParser().ParseDocument(html);
        var form = document.QuerySelectorAll("form").Single(f => f.QuerySelector("input[name=scope]")?.GetAttribute("value") == "securities");
        var fields = form.QuerySelectorAll("input").Where(i => i.GetAttribute("name") is not null)
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["scopeEdit.NameEn"] = "Securities and exchanges";
        fields["scopeEdit.Reason"] = "name used by the FSA";

        var response = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());

        var history = await app.Admin().GetFromJsonAsync<JsonElement>("/api/v1/reference-data/business_scope/securities/revisions");
        history[0].GetProperty("data").GetProperty("nameEn").GetString().ShouldBe("Securities and exchanges");
        history[0].GetProperty("reason").GetString().ShouldBe("name used by the FSA");

        // The same form again is a stale version: refused, nothing lost.
        var stale = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("他の人により変更されました");
    }
}
