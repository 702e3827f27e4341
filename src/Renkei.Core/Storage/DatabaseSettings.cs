using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Renkei.Storage;

/// <summary>
/// Where the data lives. SQLite under the data directory unless a PostgreSQL connection is
/// configured by <c>RENKEI_DATABASE_URL</c> (postgres://user:password@host:port/database) or
/// <c>ConnectionStrings__Renkei</c> (either provider's connection string).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultDataDirectory = "data";

    public static DatabaseSettings FromConfiguration(IConfiguration configuration)
    {
        var url = configuration["RENKEI_DATABASE_URL"];
        if (!string.IsNullOrWhiteSpace(url))
        {
            return FromUrl(url);
        }
        var connectionString = configuration.GetConnectionString("Renkei");
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return FromConnectionString(connectionString);
        }
        var directory = DataDirectory(configuration);
        return new DatabaseSettings(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, "renkei.db"),
        }.ToString());
    }

    /// <summary>The directory for the SQLite file and the data-protection keys (<c>RENKEI_DATA_DIR</c>, default ./data).</summary>
    public static string DataDirectory(IConfiguration configuration) =>
        Path.GetFullPath(configuration["RENKEI_DATA_DIR"] is { Length: > 0 } dir ? dir : DefaultDataDirectory);

    public static DatabaseSettings FromConnectionString(string connectionString)
    {
        var keys = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2)[0].Trim().ToLowerInvariant())
            .ToHashSet();
        if (keys.Contains("data source") || keys.Contains("datasource") || keys.Contains("filename"))
        {
            return new DatabaseSettings(DatabaseProvider.Sqlite, connectionString);
        }
        if (keys.Contains("host") || keys.Contains("server"))
        {
            return new DatabaseSettings(DatabaseProvider.Postgres, connectionString);
        }
        throw new InvalidOperationException(
            "ConnectionStrings__Renkei is neither a SQLite (Data Source=…) nor a PostgreSQL (Host=…) connection string.");
    }

    public static DatabaseSettings FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "postgres" && uri.Scheme != "postgresql"))
        {
            throw new InvalidOperationException("RENKEI_DATABASE_URL must look like postgres://user:password@host:5432/database.");
        }
        var userInfo = uri.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
            Username = userInfo.Length > 0 && userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : null,
            Password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : null,
        };
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(kv[0])] = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "";
        }
        return new DatabaseSettings(DatabaseProvider.Postgres, builder.ConnectionString);
    }

    /// <summary>The connection string with any password removed, for logs and the health page.</summary>
    public string Describe() => Provider switch
    {
        DatabaseProvider.Sqlite => "SQLite " + new SqliteConnectionStringBuilder(ConnectionString).DataSource,
        _ => string.Format(CultureInfo.InvariantCulture, "PostgreSQL {0}:{1}/{2}",
            new NpgsqlConnectionStringBuilder(ConnectionString).Host,
            new NpgsqlConnectionStringBuilder(ConnectionString).Port,
            new NpgsqlConnectionStringBuilder(ConnectionString).Database),
    };
}
