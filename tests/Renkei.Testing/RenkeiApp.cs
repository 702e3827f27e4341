using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Access;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Storage;
using Xunit;

namespace Renkei.Testing;

/// <summary>
/// The real web host (Program) on a fresh database of one provider, shared by the tests of one
/// class. Tests create their own organisations and users, so they do not depend on each other.
/// </summary>
public abstract class RenkeiApp(DatabaseProvider provider) : IAsyncLifetime
{
    public const string AdminEmail = "admin@renkei.test";
    public const string AdminPassword = "a long platform passphrase";
    public const string AdminToken = "rk_bootstrap_token_for_tests_0123456789";

    private TestDatabase? _database;
    private Factory? _factory;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "renkei-web-tests", Guid.NewGuid().ToString("N"));

    public DatabaseProvider Provider => provider;
    public WebApplicationFactory<Program> Web => _factory ?? throw new InvalidOperationException("Not initialised.");
    public IServiceProvider Services => Web.Services;
    public TestData Data => new(Services);

    /// <summary>Extra settings for the host (e.g. RequireTwoFactorFor).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider, DatabaseState.Seeded);
        var settings = new Dictionary<string, string?>(Settings)
        {
            ["ConnectionStrings:Renkei"] = _database.Settings.ConnectionString,
            ["RENKEI_DATA_DIR"] = _dataDirectory,
            ["RENKEI_ADMIN_EMAIL"] = AdminEmail,
            ["RENKEI_ADMIN_PASSWORD"] = AdminPassword,
            ["RENKEI_ADMIN_TOKEN"] = AdminToken,
        };
        _factory = new Factory(settings);
        _ = _factory.Server; // start now, so start-up failures fail the fixture, not a random test
    }

    public virtual async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        try
        {
            System.IO.Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public HttpClient Anonymous() => Web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public HttpClient WithToken(string token)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The bootstrap platform administrator (national centre, admin role).</summary>
    public HttpClient Admin() => WithToken(AdminToken);

    /// <summary>A new user with the roles in the organisation, with an API token.</summary>
    public async Task<(HttpClient Client, Caller Caller)> ClientAsync(Guid organisationId, params Role[] roles)
    {
        var user = await Data.UserAsync(organisationId, roles);
        await using var scope = Services.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(user.Id, "test", 1);
        return (WithToken(issued.Secret), await Data.CallerAsync(user.Id));
    }

    /// <summary>A new operator organisation in a sector, with one user holding the roles.</summary>
    public async Task<(HttpClient Client, Caller Caller, Organisation Organisation)> OperatorAsync(string sector = "electricity", IReadOnlyList<string>? ceptoars = null, params Role[] roles)
    {
        var org = await Data.OrganisationAsync(OrganisationKind.Operator, sector, null, null, ceptoars);
        var (client, caller) = await ClientAsync(org.Id, roles.Length == 0 ? [Role.Viewer] : roles);
        return (client, caller, org);
    }

    private sealed class Factory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}

public sealed class SqliteApp() : RenkeiApp(DatabaseProvider.Sqlite);

public sealed class PostgresApp() : RenkeiApp(DatabaseProvider.Postgres);
