using System.Net;
using Renkei.Identity;
using Renkei.Testing;

namespace Renkei.Web.Tests.Infrastructure;

public sealed class ErrorPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task UnknownRecordPage_404HtmlInJapanese_ApiGetsProblemJson()
    {
        var (client, _, _) = await app.OperatorAsync("gas", null, Role.Viewer);
        var page = await client.GetAsync($"/Directory/Organisations/{Guid.NewGuid()}");
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await page.Content.ReadAsStringAsync()).ShouldContain("お探しのページは見つかりませんでした");

        var api = await client.GetAsync($"/api/v1/organisations/{Guid.NewGuid()}");
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task UserReads_AreAudited()
    {
        var (client, caller, org) = await app.OperatorAsync("gas", null, Role.Admin);
        var colleague = await app.Data.UserAsync(org.Id, Role.Viewer);
        (await client.GetAsync($"/api/v1/users/{colleague.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var trail = await app.Admin().GetStringAsync($"/api/v1/audit?action=read&resourceType=users&resourceId={colleague.Id}");
        trail.ShouldContain(caller.UserId.ToString());
    }
}
