using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Testing;

namespace Renkei.Browser.Tests;

/// <summary>The real UI in headless Chromium: sign-in with 2FA, language, directory, administration, CSV import.</summary>
public sealed class UiFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Admin_SignsIn_IsMadeToSetUpTwoFactor_ThenSignsInWithACode()
    {
        var nisc = await app.Data.ReferenceOrganisationAsync("nisc");
        var admin = await app.Data.UserAsync(nisc.Id, Role.Admin);
        var page = await app.NewPageAsync();

        await Session.SignInAsync(page, admin.Email!, TestData.Password);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Profile/TwoFactor"));
        await Assertions.Expect(page.GetByText("管理者は2段階認証の設定が必須です。")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".qr svg")).ToBeVisibleAsync();
        var key = (await page.Locator("#shared-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);

        await page.GetByLabel("認証コード（6桁）").FillAsync("000000" == Totp.Code(key) ? "111111" : "000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "有効化" }).ClickAsync();
        await Assertions.Expect(page.GetByText("認証コードが正しくありません。")).ToBeVisibleAsync();

        await page.GetByLabel("認証コード（6桁）").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "有効化" }).ClickAsync();
        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);

        await page.GetByRole(AriaRole.Button, new() { Name = "サインアウト" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));

        await Session.SignInAsync(page, admin.Email!, TestData.Password);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/LoginWith2fa"));
        await page.GetByLabel("認証コード（6桁）").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "確認" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ホーム", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("内閣サイバーセキュリティセンター").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Language_IsJapaneseByDefault_SwitchesToEnglish_AndIsRemembered()
    {
        var (_, user, _) = await app.Data.MemberAsync(OrganisationKind.Operator, "railways", null, null, Role.Viewer);
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "サインイン" })).ToBeVisibleAsync();
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("ja");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("E-mail")).ToBeVisibleAsync();
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en");

        await page.GetByLabel("E-mail").FillAsync(user.Email!);
        await page.GetByLabel("Password").FillAsync(TestData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Directory" })).ToBeVisibleAsync();

        // The choice made while signed in is kept on the profile and follows the user to a new browser.
        await page.GetByRole(AriaRole.Button, new() { Name = "日本語" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "名簿" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        var other = await app.NewPageAsync();
        await Session.SignInAsync(other, user.Email!, TestData.Password);
        await Assertions.Expect(other.GetByRole(AriaRole.Link, new() { Name = "Directory" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Directory_BrowseSectorToCeptoarToSecretariat()
    {
        var nisc = await app.Data.ReferenceOrganisationAsync("nisc");
        var viewer = await app.Data.UserAsync(nisc.Id, Role.Viewer);
        var page = await app.NewPageAsync();
        await Session.SignInAsync(page, viewer.Email!, TestData.Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "名簿" }).ClickAsync();
        var table = page.GetByRole(AriaRole.Table);
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(15);
        await Assertions.Expect(page.GetByText("経済産業省").First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "電力", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "電力", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "電力 CEPTOAR" }).ClickAsync();
        await Assertions.Expect(page.GetByText("24社")).ToBeVisibleAsync();
        await page.Locator("dl").GetByRole(AriaRole.Link, new() { Name = "一般社団法人電力ISAC" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "一般社団法人電力ISAC", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("セプター事務局")).ToBeVisibleAsync();
        // NISC sees every organisation's points of contact; this one has none yet.
        await Assertions.Expect(page.GetByText("連絡窓口は登録されていません。")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Admin_CreatesOrganisationAndUser_WhoSignsInAndMustChangePassword()
    {
        var (admin, key) = await Session.AdminWithAuthenticatorAsync(app);
        var page = await app.NewPageAsync();
        await Session.SignInWithCodeAsync(page, admin.Email!, key);

        await page.GotoAsync("/Directory");
        await page.GetByRole(AriaRole.Link, new() { Name = "組織を追加" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field-validation-error").First).ToBeVisibleAsync();

        await page.GetByLabel("名称（日本語）").FillAsync("東都電力株式会社");
        await page.GetByLabel("名称（英語）").FillAsync("Toto Electric Power");
        await page.GetByLabel("種別").SelectOptionAsync(new SelectOptionValue { Label = "重要インフラ事業者" });
        await page.GetByLabel("分野").SelectOptionAsync(new SelectOptionValue { Label = "電力" });
        await page.GetByLabel("事業の範囲").SelectOptionAsync(new SelectOptionValue { Label = "電力" });
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "東都電力株式会社", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("保存しました。")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "0 名" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "ユーザーを追加" }).ClickAsync();
        await page.GetByLabel("メールアドレス").FillAsync("shirei@toto-power.example.jp");
        await page.GetByLabel("氏名").FillAsync("東都 指令");
        await page.GetByLabel("所属組織").SelectOptionAsync(new SelectOptionValue { Label = "東都電力株式会社" });
        await page.GetByLabel("報告担当").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "作成" }).ClickAsync();
        var temporary = await page.Locator("#temporary-password").InnerTextAsync();
        temporary.Length.ShouldBe(20);

        var newcomer = await app.NewPageAsync();
        await Session.SignInAsync(newcomer, "shirei@toto-power.example.jp", temporary);
        await Assertions.Expect(newcomer).ToHaveURLAsync(new Regex("/Account/ChangePassword"));
        await newcomer.GetByLabel("現在のパスワード").FillAsync(temporary);
        await newcomer.GetByLabel("新しいパスワード", new() { Exact = true }).FillAsync("東都の新しいパスフレーズ 2026");
        await newcomer.GetByLabel("新しいパスワード（確認）").FillAsync("東都の新しいパスフレーズ 2026");
        await newcomer.GetByRole(AriaRole.Button, new() { Name = "パスワードを変更" }).ClickAsync();
        await Assertions.Expect(newcomer.GetByText("パスワードを変更しました。")).ToBeVisibleAsync();
        await Assertions.Expect(newcomer.GetByText("東都電力株式会社").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Admin_ImportsCsvWithOneBadRow_SeesLineAndReason_GoodRowsApplied()
    {
        var (admin, key) = await Session.AdminWithAuthenticatorAsync(app);
        var page = await app.NewPageAsync();
        await Session.SignInWithCodeAsync(page, admin.Email!, key);
        await page.GetByRole(AriaRole.Link, new() { Name = "CSV取込" }).ClickAsync();

        var csv = "code,name_ja,name_en,kind,sector,business_scope,ceptoars\n"
            + "csv-gas-a,北ガス試験,North Gas Test,operator,gas,gas,gas\n"
            + "csv-gas-b,南ガス試験,South Gas Test,operator,gas,banking,\n"
            + "csv-gas-c,西ガス試験,West Gas Test,operator,gas,gas,\n";
        await page.GetByLabel("組織").CheckAsync();
        await page.GetByLabel("CSV ファイル（UTF-8）").SetInputFilesAsync(new FilePayload
        {
            Name = "organisations.csv",
            MimeType = "text/csv",
            Buffer = [.. new UTF8Encoding(true).GetPreamble(), .. Encoding.UTF8.GetBytes(csv)],
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "取り込む" }).ClickAsync();

        await Assertions.Expect(page.GetByText("3 行中、新規 2 件、更新 0 件、却下 1 行。")).ToBeVisibleAsync();
        var row = page.Locator("table.errors-table tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("td").Nth(0)).ToHaveTextAsync("3");
        await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("business_scope");
        await Assertions.Expect(row.Locator("td").Nth(2)).ToContainTextAsync("「banking」は分野「finance」の事業範囲です");

        await page.GotoAsync("/Directory/Organisations?q=csv-gas");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "北ガス試験" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "西ガス試験" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("南ガス試験")).ToHaveCountAsync(0);
    }
}
