using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Storage;

namespace Renkei.Browser.Tests;

/// <summary>
/// A contact check in the real UI: NISC's desk addresses a sector through the form, one operator
/// answers in the application, and the desk's report lists the other organisation, with the number
/// to call, as not answered.
/// </summary>
public sealed class ContactCheckFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Title = "水道分野 情報疎通確認（ブラウザ）";
    private const string Answering = "東テスト水道局";
    private const string Silent = "西テスト水道局";

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private Task<IPage> SignedInAsync(RenkeiUser user) => app.SignedInAsync(user);

    private async Task<Organisation> WaterOperatorAsync(string name, string contact, string phone)
    {
        var org = await app.Data.OrganisationAsync(OrganisationKind.Operator, "water", null, name);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
        db.PointsOfContact.Add(new PointOfContact
        {
            Id = Guid.CreateVersion7(),
            OrganisationId = org.Id,
            Priority = ContactPriority.Primary,
            Name = contact,
            Email = $"poc{Guid.NewGuid():N}"[..14] + "@example.jp",
            Phone = phone,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return org;
    }

    [Fact]
    public async Task DeskChecksASector_OneOperatorAnswers_TheOtherIsListedToCall()
    {
        var east = await WaterOperatorAsync(Answering, "東 浄水管理センター", "03-1000-0001");
        await WaterOperatorAsync(Silent, "西 監視室 当番", "06-2000-0002");
        var operatorUser = await app.Data.UserAsync(east.Id, Role.Analyst);
        var deskUser = await app.Data.UserAsync((await app.Data.ReferenceOrganisationAsync("nisc")).Id, Role.Analyst);

        // 1. The desk creates the check for the water sector, sent now.
        var desk = await SignedInAsync(deskUser);
        await desk.GetByRole(AriaRole.Link, new() { Name = "疎通確認", Exact = true }).ClickAsync();
        await desk.GetByRole(AriaRole.Link, new() { Name = "情報疎通確認を作成" }).ClickAsync();
        await desk.GetByLabel("件名").FillAsync(Title);
        await desk.GetByLabel("メッセージ").FillAsync("連絡窓口の到達確認です。");
        await desk.GetByLabel("回答期限（時間）").FillAsync("48");
        await Expect(desk.GetByLabel("今すぐ（1回）")).ToBeCheckedAsync();
        await desk.GetByLabel("宛先 1 行目: 種別").SelectOptionAsync(new SelectOptionValue { Label = "分野" });
        await desk.GetByLabel("宛先 1 行目: コード・ID・メールアドレス").FillAsync("water");
        await desk.GetByRole(AriaRole.Button, new() { Name = "作成する" }).ClickAsync();
        await Expect(desk.GetByText("確認メールを送信しました。")).ToBeVisibleAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = Title, Level = 1 })).ToBeVisibleAsync();
        var checkPath = new Uri(desk.Url).AbsolutePath;
        await Expect(desk.Locator("#not-answered-h")).ToBeVisibleAsync();

        // 2. The eastern operator answers in the application.
        var op = await SignedInAsync(operatorUser);
        await op.GetByRole(AriaRole.Link, new() { Name = "疎通確認", Exact = true }).ClickAsync();
        var row = op.Locator("#open-checks tbody tr", new() { HasText = Title });
        await row.GetByRole(AriaRole.Button, new() { Name = "組織として応答する" }).ClickAsync();
        await Expect(op.GetByText("応答しました。")).ToBeVisibleAsync();
        await Expect(op.Locator("#open-checks tbody tr", new() { HasText = Title })).ToContainTextAsync("応答済み");

        // 3. The desk's report: the east answered, the west is listed with the number to call.
        await desk.GotoAsync(checkPath);
        await Expect(desk.Locator("#round-counts [data-count=answered] dd")).ToHaveTextAsync("1");
        var silent = desk.Locator("table.not-answered tbody tr", new() { HasText = Silent });
        await Expect(silent).ToContainTextAsync("06-2000-0002");
        await Expect(silent).ToContainTextAsync("西 監視室 当番");
        await Expect(desk.Locator("table.not-answered tbody tr", new() { HasText = Answering })).ToHaveCountAsync(0);
        await Expect(desk.Locator("#response-by-sector tr[data-group=water] td.answered")).ToHaveTextAsync("1");
    }
}
