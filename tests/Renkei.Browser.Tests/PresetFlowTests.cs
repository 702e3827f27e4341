using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Testing;

namespace Renkei.Browser.Tests;

/// <summary>
/// Issue 14 item 13 in the real UI: an issuer chooses the kind of advisory, types a title and
/// presses "テンプレートを適用"; the empty fields fill from the preset, the typed title stays.
/// </summary>
public sealed class PresetFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [Fact]
    public async Task NewAdvisory_ApplyPreset_FillsEmptyFields_KeepsTheTypedTitle()
    {
        var agency = await app.Data.OrganisationAsync(OrganisationKind.RelatedAgency, null, null, "テスト情報セキュリティ機関");
        var user = await app.Data.UserAsync(agency.Id, Role.Analyst);
        var page = await app.NewPageAsync();
        await Session.SignInAsync(page, user.Email!, TestData.Password);
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/Account/"));

        await page.GotoAsync("/Advisories/New");
        await page.GetByLabel("件名").FillAsync("電力分野を狙う攻撃の予告");
        await page.Locator("#Input_Kind").SelectOptionAsync(new SelectOptionValue { Label = "DDoS攻撃予告情報" });
        await page.GetByRole(AriaRole.Button, new() { Name = "テンプレートを適用" }).ClickAsync();

        await Expect(page.Locator("#preset-outcome")).ToContainTextAsync("既定のテンプレート");
        await Expect(page.Locator("#Input_Summary")).ToHaveValueAsync(new Regex("DDoS攻撃を予告"));
        await Expect(page.Locator("#Input_RecommendedActions")).ToHaveValueAsync(new Regex("監視を強化"));
        await Expect(page.Locator("#Input_Title")).ToHaveValueAsync("電力分野を狙う攻撃の予告");
        await Expect(page.Locator("#preset-kept")).ToContainTextAsync("件名");
        await Expect(page.Locator("#urgency-Normal")).ToBeCheckedAsync(); // the form chose normal; the preset's emergency waits for confirmation
    }
}
