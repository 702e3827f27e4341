using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Renkei.Identity;
using Renkei.Storage;

namespace Renkei.Testing;

/// <summary>How much of the platform a fresh test database already has.</summary>
public enum DatabaseState
{
    /// <summary>No tables at all (for migration tests).</summary>
    Empty,
    /// <summary>Schema at the latest version, reference data and roles seeded; no users.</summary>
    Seeded,
}

/// <summary>
/// A fresh, private database for one test class, on SQLite (a temporary file) or PostgreSQL (a
/// new database on the test script's throwaway server). Seeded databases are copied from a
/// template built once per test run, so each class starts from the same clean state quickly.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private const string PostgresVariable = "RENKEI_TEST_POSTGRES";
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _sqliteTemplate;
    private static string? _postgresTemplate;

    private readonly Action? _cleanup;

    private TestDatabase(DatabaseSettings settings, Action? cleanup)
    {
        Settings = settings;
        _cleanup = cleanup;
    }

    public DatabaseSettings Settings { get; }
    public DatabaseProvider Provider => Settings.Provider;

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, DatabaseState state)
    {
        return provider switch
        {
            DatabaseProvider.Sqlite => await CreateSqliteAsync(state),
            DatabaseProvider.Postgres => await CreatePostgresAsync(state),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
    }

    /// <summary>The PostgreSQL server the test script started; a clear failure (not a skip) when it is missing.</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run the tests with ./scripts/test.sh, which starts a throwaway PostgreSQL server, " +
                $"or set {PostgresVariable} to a connection string of a server where the tests may create databases.");

    public ServiceProvider BuildServices(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddRenkeiCore(Settings);
        services.AddRenkeiIdentityCore();
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public ValueTask DisposeAsync()
    {
        _cleanup?.Invoke();
        return ValueTask.CompletedTask;
    }

    private static async Task<TestDatabase> CreateSqliteAsync(DatabaseState state)
    {
        var directory = Path.Combine(Path.GetTempPath(), "renkei-tests");
        System.IO.Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{Guid.NewGuid():N}.db");
        if (state == DatabaseState.Seeded)
        {
            var template = await SqliteTemplateAsync(directory);
            File.Copy(template, path);
        }
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 60 }.ToString());
        return new TestDatabase(settings, () =>
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    // A file still open elsewhere is left to the OS temp cleaner.
                }
            }
        });
    }

    private static async Task<string> SqliteTemplateAsync(string directory)
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_sqliteTemplate is not null)
            {
                return _sqliteTemplate;
            }
            var path = Path.Combine(directory, $"template-{Guid.NewGuid():N}.db");
            var settings = new DatabaseSettings(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = path }.ToString());
            await InitialiseAsync(settings);
            SqliteConnection.ClearAllPools();
            // Fold the write-ahead log into the file so that a plain copy is complete.
            await using (var connection = new SqliteConnection(settings.ConnectionString))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await command.ExecuteNonQueryAsync();
            }
            SqliteConnection.ClearAllPools();
            _sqliteTemplate = path;
            return path;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task<TestDatabase> CreatePostgresAsync(DatabaseState state)
    {
        var server = PostgresServer;
        var name = $"renkei_t_{Guid.NewGuid():N}";
        var template = state == DatabaseState.Seeded ? await PostgresTemplateAsync(server) : "template0";
        await ExecuteAsync(server, $"CREATE DATABASE {name} TEMPLATE {template}");
        var settings = new DatabaseSettings(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
        return new TestDatabase(settings, () =>
        {
            NpgsqlConnection.ClearAllPools();
            ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)").GetAwaiter().GetResult();
        });
    }

    private static async Task<string> PostgresTemplateAsync(string server)
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_postgresTemplate is not null)
            {
                return _postgresTemplate;
            }
            // One template per process: test assemblies run in parallel against the same server.
            var name = $"renkei_tpl_{Guid.NewGuid():N}";
            await ExecuteAsync(server, $"CREATE DATABASE {name} TEMPLATE template0");
            var settings = new DatabaseSettings(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString);
            await InitialiseAsync(settings);
            NpgsqlConnection.ClearAllPools();
            _postgresTemplate = name;
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    NpgsqlConnection.ClearAllPools();
                    ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)").GetAwaiter().GetResult();
                }
                catch (NpgsqlException)
                {
                    // The throwaway server may already be gone.
                }
            };
            return name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task InitialiseAsync(DatabaseSettings settings)
    {
        var database = new TestDatabase(settings, null);
        await using var services = database.BuildServices();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<Renkei.ReferenceData.ReferenceDataSeeder>().SeedAsync();
        await scope.ServiceProvider.GetRequiredService<Renkei.Standards.SafetyStandardSeeder>().SeedAsync();
        await scope.ServiceProvider.GetRequiredService<Renkei.Assessments.PenetrationSurveySeeder>().SeedAsync();
        await scope.ServiceProvider.GetRequiredService<Renkei.Identity.RoleCatalog>().EnsureAsync();
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
