using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Renkei.Access;
using Renkei.Advisories;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Storage;

namespace Renkei.Browser.Tests;

/// <summary>
/// Issue 4's "done means", in the real UI: NISC publishes an AMBER alert to two sectors, the
/// ministry relays it with a note, the CEPTOAR secretariat relays it to its members, an operator
/// reads, acknowledges and answers "affected" while NISC's dashboard counts it live; an
/// emergency advisory escalates; a CLEAR advisory is on the public portal and in the feed.
/// </summary>
public sealed class AdvisoryFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Title = "制御系 VPN 装置への攻撃について（注意喚起）";

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private Task<IPage> SignedInAsync(RenkeiUser user) => app.SignedInAsync(user);

    private async Task<Guid> DraftAsync(RenkeiUser issuer, AdvisoryInput input)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var caller = await app.Data.CallerAsync(issuer.Id);
        var created = await scope.ServiceProvider.GetRequiredService<AdvisoryService>().CreateAsync(caller, input);
        created.Ok.ShouldBeTrue(created.Problem?.Detail);
        return created.Value!.Id;
    }

    private async Task PublishAsync(RenkeiUser issuer, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var caller = await app.Data.CallerAsync(issuer.Id);
        var service = scope.ServiceProvider.GetRequiredService<AdvisoryService>();
        var draft = await service.GetAsync(caller, id);
        (await service.PublishAsync(caller, id, new PublishInput { Version = draft!.Version })).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task AmberAlert_RelayedByMinistryAndCeptoar_OperatorAnswers_DashboardCountsLive()
    {
        var operatorOrg = await app.Data.OrganisationAsync(OrganisationKind.Operator, "electricity", "electricity", "東テスト電力株式会社", ["electricity"]);
        var operatorUser = await app.Data.UserAsync(operatorOrg.Id, Role.Coordinator);
        var secretariatUser = await app.Data.UserAsync((await app.Data.ReferenceOrganisationAsync("je-isac")).Id, Role.Coordinator);
        var ministryUser = await app.Data.UserAsync((await app.Data.ReferenceOrganisationAsync("meti")).Id, Role.Coordinator);
        var niscUser = await app.Data.UserAsync((await app.Data.ReferenceOrganisationAsync("nisc")).Id, Role.Analyst);
        var id = await DraftAsync(niscUser, new AdvisoryInput
        {
            Kind = AdvisoryKind.Alert,
            Title = Title,
            Summary = "制御系ネットワークの VPN 装置を狙った侵入が確認されています。",
            Body = "## 対策\n\n**直ちに**ファームウェアを更新してください。",
            Tlp = Tlp.Amber,
            Audience = [new AudienceEntry { Kind = AudienceKind.Sector, Key = "electricity" }, new AudienceEntry { Kind = AudienceKind.Sector, Key = "telecom" }],
        });

        // 1. NISC publishes the draft; it travels the chain (relay is the default for a normal AMBER alert).
        var nisc = await SignedInAsync(niscUser);
        await nisc.GotoAsync($"/Advisories/{id}");
        await nisc.GetByRole(AriaRole.Button, new() { Name = "公開する" }).ClickAsync();
        await Expect(nisc.GetByText("情報提供を公開しました。")).ToBeVisibleAsync();
        await Expect(nisc.Locator("#relay-points")).ToContainTextAsync("経済産業省");
        await Expect(nisc.Locator("#relay-points")).ToContainTextAsync("総務省");

        // 2. METI relays it to the CEPTOARs of its sector with a sector note.
        var min = await SignedInAsync(ministryUser);
        await min.GotoAsync($"/Advisories/{id}");
        await Expect(min.Locator("#relay .relay-state")).ToContainTextAsync("未対応");
        await min.GetByLabel("中継する").CheckAsync();
        await min.GetByLabel("分野向けコメント").FillAsync("電力分野では遠隔監視用の VPN 装置を優先して確認してください。");
        await min.GetByRole(AriaRole.Button, new() { Name = "決定する" }).ClickAsync();
        await Expect(min.GetByText("中継しました。")).ToBeVisibleAsync();
        await Expect(min.Locator("#relay .relay-state")).ToContainTextAsync("中継済み");

        // 3. The operator does not see it yet; the secretariat reads METI's note and relays to its members.
        var op = await SignedInAsync(operatorUser);
        var early = await op.GotoAsync($"/Advisories/{id}");
        early!.Status.ShouldBe(404, "an operator sees it once its CEPTOAR relays it");
        var sec = await SignedInAsync(secretariatUser);
        await sec.GotoAsync($"/Advisories/{id}");
        await Expect(sec.Locator("#relay-notes")).ToContainTextAsync("遠隔監視用の VPN 装置");
        await sec.GetByLabel("中継する").CheckAsync();
        await sec.GetByLabel("分野向けコメント").FillAsync("会員各社は本日中に受領確認をお願いします。");
        await sec.GetByRole(AriaRole.Button, new() { Name = "決定する" }).ClickAsync();
        await Expect(sec.GetByText("中継しました。")).ToBeVisibleAsync();

        // 4. NISC watches the dashboard while the operator reads, acknowledges and answers.
        await nisc.GotoAsync($"/Advisories/{id}");
        var acknowledged = nisc.Locator("#delivery-counts [data-count='acknowledged'] dd");
        var affected = nisc.Locator("#delivery-counts [data-count='affected'] dd");
        var before = int.Parse(await acknowledged.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        await op.GotoAsync($"/Advisories/{id}");
        await Expect(op.Locator("#relay-notes")).ToContainTextAsync("遠隔監視用の VPN 装置");
        await Expect(op.Locator("#relay-notes")).ToContainTextAsync("本日中に受領確認");
        await Expect(op.Locator("#content strong")).ToHaveTextAsync("直ちに");
        await op.GetByRole(AriaRole.Button, new() { Name = "受領を確認する" }).ClickAsync();
        await Expect(op.GetByText("組織として受領を確認しました。")).ToBeVisibleAsync();
        await Expect(acknowledged).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

        await op.GetByLabel("影響あり").CheckAsync();
        await op.GetByLabel("補足").FillAsync("変電所 2 か所で該当機種を使用。");
        await op.GetByRole(AriaRole.Button, new() { Name = "回答を送信" }).ClickAsync();
        await Expect(op.GetByText("回答を送信しました。")).ToBeVisibleAsync();
        await Expect(affected).ToHaveTextAsync("1");
        await Expect(nisc.Locator("#relay-points")).ToContainTextAsync("中継済み");

        // 5. "Affected" offers an incident report prefilled from the advisory.
        await op.GetByRole(AriaRole.Link, new() { Name = "この情報提供から報告（情報連絡）を作成する" }).ClickAsync();
        await Expect(op.GetByLabel("件名")).ToHaveValueAsync($"情報提供「{Title}」に関連する事象");
    }

    [Fact]
    public async Task EmergencyAdvisory_NotAcknowledged_IsEscalated_AndFlaggedToTheIssuer()
    {
        var org = await app.Data.OrganisationAsync(OrganisationKind.Operator, "water", null, "西テスト水道企業団");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
            db.PointsOfContact.Add(new PointOfContact { Id = Guid.CreateVersion7(), OrganisationId = org.Id, Priority = ContactPriority.Secondary, Name = "副担当", Email = "fuku@water.test", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var niscUser = await app.Data.UserAsync((await app.Data.ReferenceOrganisationAsync("nisc")).Id, Role.Coordinator);
        var id = await DraftAsync(niscUser, new AdvisoryInput
        {
            Kind = AdvisoryKind.EarlyWarning,
            Title = "浄水場制御系への攻撃予兆（緊急）",
            Summary = "直ちに遠隔接続を遮断してください。",
            Tlp = Tlp.Amber,
            Urgency = AdvisoryUrgency.Emergency,
            Audience = [new AudienceEntry { Kind = AudienceKind.Organisation, Key = org.Id.ToString("D") }],
        });
        await PublishAsync(niscUser, id);

        var nisc = await SignedInAsync(niscUser);
        await nisc.GotoAsync($"/Advisories/{id}");
        // Escalation runs a few seconds after publishing: reload until the issuer's dashboard flags it.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await nisc.Locator(".escalated-tag").CountAsync() == 0)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the escalation is flagged to the issuer");
            await Task.Delay(1000);
            await nisc.ReloadAsync();
        }
        await Expect(nisc.Locator("p.escalated")).ToContainTextAsync("副連絡先に再送しました");
        await using var check = app.Services.CreateAsyncScope();
        var escalated = await check.ServiceProvider.GetRequiredService<RenkeiDbContext>().AdvisoryDeliveries.SingleAsync(d => d.AdvisoryId == id);
        escalated.EscalatedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task ClearAdvisory_IsOnThePublicPortal_AndInTheFeed_WithoutSignIn()
    {
        var niscUser = await app.Data.UserAsync((await app.Data.ReferenceOrganisationAsync("nisc")).Id, Role.Analyst);
        const string title = "年末年始に向けたサイバーセキュリティ対策について（注意喚起）";
        var id = await DraftAsync(niscUser, new AdvisoryInput
        {
            Kind = AdvisoryKind.Alert,
            Title = title,
            Summary = "長期休暇に備え、連絡体制とバックアップを確認してください。",
            Tlp = Tlp.Clear,
            Audience = [new AudienceEntry { Kind = AudienceKind.AllCi, Key = "" }],
        });
        await PublishAsync(niscUser, id);

        var anonymous = await app.NewPageAsync();
        await anonymous.GotoAsync("/Public");
        await anonymous.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(anonymous.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        var feed = await anonymous.GotoAsync("/feed.atom");
        (await feed!.TextAsync()).ShouldContain(title);
    }
}
