using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using Renkei.Storage;
using Renkei.Testing;

namespace Renkei.Browser.Tests;

/// <summary>
/// The real web host on a loopback Kestrel port and Debian's Chromium driven by Playwright (never
/// a downloaded browser). One server and one browser per test class; each test gets its own
/// browser context (cookies, language).
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private TestDatabase? _database;
    private Factory? _factory;
    private IPlaywright? _playwright;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "renkei-browser-tests", Guid.NewGuid().ToString("N"));

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public IServiceProvider Services => _factory!.Services;
    public TestData Data => new(Services);

    public static string ChromiumPath => Environment.GetEnvironmentVariable("RENKEI_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium not found at {ChromiumPath}. Run ./scripts/test.sh, which installs Debian's chromium package.");
        }
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, DatabaseState.Seeded);
        _factory = new Factory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Renkei"] = _database.Settings.ConnectionString,
            ["RENKEI_DATA_DIR"] = _dataDirectory,
            ["RENKEI_ADMIN_EMAIL"] = RenkeiApp.AdminEmail,
            ["RENKEI_ADMIN_PASSWORD"] = RenkeiApp.AdminPassword,
            // Emergency advisories escalate within seconds here, so a test can watch it happen.
            ["Renkei:Advisories:EscalateAfter"] = "00:00:03",
            ["Renkei:Advisories:EscalationSweep"] = "00:00:01",
            // Two respondents make a shown cell here, so a flow of two operators shows one and withholds another.
            ["Assessments:MinimumCellSize"] = "2",
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseUrl = _factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        // Two cores shared with other test assemblies: allow for slow moments rather than flake.
        Assertions.SetDefaultExpectTimeout(15_000);
        // Chromium reaches nothing outside this machine: background services and first-run work are off.
        // Playwright gives every launch a fresh, empty profile directory of its own.
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync", "--disable-quic",
            ],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "en-US", TimezoneId = "UTC" });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A new page signed in as the user, past the sign-in pages.</summary>
    public async Task<IPage> SignedInAsync(Identity.RenkeiUser user)
    {
        var page = await NewPageAsync();
        await Session.SignInAsync(page, user.Email!, TestData.Password);
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/"));
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        foreach (var dir in new[] { _dataDirectory })
        {
            try
            {
                System.IO.Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private sealed class Factory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseUrls("http://127.0.0.1:0");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
