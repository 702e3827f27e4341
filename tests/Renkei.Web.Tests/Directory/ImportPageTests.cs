using System.Net;
using Renkei.Identity;
using Renkei.Testing;
using Renkei.Web.Tests.Reports;

namespace Renkei.Web.Tests.Directory;

/// <summary>The CSV import page: refused by the importer's own rule (Core), before any file is looked at.</summary>
public sealed class ImportPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Page = "/Admin/Import";

    [Fact]
    public async Task Page_ForAnyoneButPlatformAdmins_Is403_OnGetAndPost()
    {
        var operatorAdmin = (await app.OperatorAsync("electricity", null, Role.Admin)).Client;
        (await operatorAdmin.GetAsync(Page)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var home = await HtmlForm.PageAsync(operatorAdmin, "/");
        var token = HtmlForm.Find(home, "/", "input[name=__af]").Value("__af")!;
        // No file at all: a form error would tell the caller to try again; the refusal comes first.
        var post = await operatorAdmin.PostAsync(Page, new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = token, ["kind"] = "organisations" }));
        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var admin = await HtmlForm.PageAsync(app.Admin(), Page);
        admin.QuerySelector("input[type=file]").ShouldNotBeNull("platform admins get the import form");
    }
}
