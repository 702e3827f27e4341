using System.Net;
using Renkei.Identity;
using Renkei.Testing;
using Renkei.Web.Tests.Reports;
using static Renkei.Web.Tests.ContactChecks.ContactCheckWorld;

namespace Renkei.Web.Tests.ContactChecks;

/// <summary>
/// The contact-check pages as a browser without JavaScript uses them: the desk's form with the
/// service's errors beside their fields, the report for the issuer only, and answering in the
/// application from the list.
/// </summary>
public abstract class ContactCheckPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private static Guid IdFrom(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.ToString();
        location.ShouldStartWith("/ContactChecks/");
        return Guid.Parse(location["/ContactChecks/".Length..]);
    }

    [Fact]
    public async Task Form_ShowsTheServicesErrorsBesideTheirFields()
    {
        var meti = await DeskAsync(app, "meti");
        var form = await HtmlForm.OpenAsync(meti, "/ContactChecks/New", "#Input_Title");
        form.Value("Input.DeadlineHours").ShouldBe("24");
        var response = await form
            .Set("Input.Title", "")
            .Set("Input.Audience[0].Kind", "Sector")
            .Set("Input.Audience[0].Key", "telecom")
            .SubmitAsync(meti);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = HtmlForm.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-valmsg-for='Input.Title']")!.TextContent.ShouldContain("必須です");

        var remit = await (await HtmlForm.OpenAsync(meti, "/ContactChecks/New", "#Input_Title"))
            .Set("Input.Title", "電力・通信 疎通確認")
            .Set("Input.Audience[0].Kind", "Sector")
            .Set("Input.Audience[0].Key", "electricity")
            .Set("Input.Audience[2].Kind", "Sector")
            .Set("Input.Audience[2].Key", "telecom")
            .SubmitAsync(meti);
        var html = HtmlForm.Parse(await remit.Content.ReadAsStringAsync());
        // Blank rows are dropped: the refused entry is the second row shown again.
        html.QuerySelector("input[name='Input.Audience[1].Key']")!.GetAttribute("value").ShouldBe("telecom");
        html.QuerySelector("input[name='Input.Audience[1].Key']")!.ParentElement!.TextContent.ShouldContain("所掌の範囲外");
        html.QuerySelector("input[name='Input.Audience[0].Key']")!.ParentElement!.QuerySelector(".error").ShouldBeNull();

        var op = await OperatorAsync(app, "electricity", null, ("当番", null));
        (await op.Member.GetAsync("/ContactChecks/New")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Detail_TheIssuerSeesTheReport_ARecipientAnswersFromTheList_OthersGet404()
    {
        var nisc = await DeskAsync(app, "nisc");
        var answering = await OperatorAsync(app, "gas", null, ("ガス東 当番", "03-5555-0001"));
        var silent = await OperatorAsync(app, "gas", null, ("ガス西 当番", "06-5555-0002"));
        var form = await HtmlForm.OpenAsync(nisc, "/ContactChecks/New", "#Input_Title");
        var id = IdFrom(await form
            .Set("Input.Title", "ガス分野 疎通確認（画面）")
            .Set("Input.DeadlineHours", "12")
            .Set("Input.Audience[0].Kind", "Organisation")
            .Set("Input.Audience[0].Key", answering.Organisation.Id.ToString())
            .Set("Input.Audience[1].Kind", "Organisation")
            .Set("Input.Audience[1].Key", silent.Organisation.Id.ToString())
            .SubmitAsync(nisc));

        var list = await HtmlForm.PageAsync(answering.Member, "/ContactChecks");
        var row = list.QuerySelector($"#open-checks tr[data-check-id='{id}']")!;
        row.TextContent.ShouldContain("ガス分野 疎通確認（画面）");
        var answered = await HtmlForm.Find(list, "/ContactChecks", $"#open-checks tr[data-check-id='{id}'] button").SubmitAsync(answering.Member);
        answered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await HtmlForm.PageAsync(answering.Member, "/ContactChecks")).QuerySelector($"#open-checks tr[data-check-id='{id}'] .answer")!.TextContent.ShouldContain("応答済み");

        var detail = await HtmlForm.PageAsync(nisc, $"/ContactChecks/{id}");
        detail.QuerySelector("#round-counts [data-count=targeted] dd")!.TextContent.ShouldBe("2");
        detail.QuerySelector("#round-counts [data-count=answered] dd")!.TextContent.ShouldBe("1");
        var toCall = detail.QuerySelectorAll("table.not-answered tbody tr").Single();
        toCall.GetAttribute("data-organisation-id").ShouldBe(silent.Organisation.Id.ToString());
        toCall.QuerySelector("a.phone")!.GetAttribute("href").ShouldBe("tel:06-5555-0002");

        var seenByRecipient = await HtmlForm.PageAsync(answering.Member, $"/ContactChecks/{id}");
        seenByRecipient.QuerySelector("#report").ShouldBeNull("who answered is the issuer's to read");
        seenByRecipient.QuerySelector("#my-answer")!.TextContent.ShouldContain("応答済み");
        (await (await DeskAsync(app, "meti")).GetAsync($"/ContactChecks/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var outsider = (await app.ClientAsync((await app.Data.OrganisationAsync()).Id, Role.Analyst)).Client;
        (await outsider.GetAsync($"/ContactChecks/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class ContactCheckPageTests_Sqlite(SqliteApp app) : ContactCheckPageTests<SqliteApp>(app);

public sealed class ContactCheckPageTests_Postgres(PostgresApp app) : ContactCheckPageTests<PostgresApp>(app);
