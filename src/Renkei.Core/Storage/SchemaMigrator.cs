using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Renkei.Common;

namespace Renkei.Storage;

/// <summary>The applied state of one migration.</summary>
public sealed record AppliedMigration(int Version, string Name, string Checksum, DateTime AppliedAt);

/// <summary>
/// Applies the embedded SQL migrations in order, each in its own transaction together with its
/// row in <c>schema_migrations</c>, so a failed migration leaves the previous version intact.
/// </summary>
public sealed class SchemaMigrator(RenkeiDbContext db, DatabaseSettings settings, TimeProvider time, ILogger<SchemaMigrator> logger)
{
    private const long AdvisoryLockKey = 0x52656e6b65694d; // "RenkeiM"

    public IReadOnlyList<Migration> Known => Migration.For(settings.Provider);

    public int LatestVersion => Known.Count;

    /// <summary>The schema version of the database, 0 when it has none; reads only.</summary>
    public async Task<int> CurrentVersionAsync(CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        await using var exists = connection.CreateCommand();
        exists.CommandText = settings.Provider == DatabaseProvider.Sqlite
            ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
            : "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'schema_migrations'";
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }
        await using var max = connection.CreateCommand();
        max.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
        return Convert.ToInt32(await max.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<AppliedMigration>> AppliedAsync(CancellationToken ct = default)
    {
        var connection = await OpenAsync(ct);
        await EnsureHistoryTableAsync(connection, ct);
        return await ReadAppliedAsync(connection, null, ct);
    }

    /// <summary>Brings the schema to <paramref name="targetVersion"/> (default: the latest). Returns the versions applied.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(int? targetVersion = null, CancellationToken ct = default)
    {
        var known = Known;
        var target = targetVersion ?? known.Count;
        if (target < 0 || target > known.Count)
        {
            throw new MigrationException($"There is no schema version {target}; this build knows versions 1..{known.Count}.");
        }

        var connection = await OpenAsync(ct);
        await EnsureHistoryTableAsync(connection, ct);
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", ct);
        }
        try
        {
            var applied = await ReadAppliedAsync(connection, null, ct);
            Verify(applied, known);
            var current = applied.Count == 0 ? 0 : applied.Max(a => a.Version);
            if (current > target)
            {
                throw new MigrationException($"The database is at schema version {current}, newer than the requested {target}; downgrades are not supported.");
            }
            var done = new List<int>();
            foreach (var migration in known.Where(m => m.Version > current && m.Version <= target))
            {
                await ApplyAsync(connection, migration, ct);
                done.Add(migration.Version);
            }
            return done;
        }
        finally
        {
            if (settings.Provider == DatabaseProvider.Postgres)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", ct);
            }
        }
    }

    private async Task ApplyAsync(DbConnection connection, Migration migration, CancellationToken ct)
    {
        logger.LogInformation("Applying schema migration {Version} {Name}", migration.Version, migration.Name);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // Re-read inside the transaction: another process may have applied it while we waited.
        var applied = await ReadAppliedAsync(connection, transaction, ct);
        if (applied.Any(a => a.Version == migration.Version))
        {
            await transaction.RollbackAsync(ct);
            return;
        }
        try
        {
            await ExecuteAsync(connection, transaction, migration.Sql, ct);
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@v, @n, @c, @a)";
            AddParameter(insert, "@v", migration.Version);
            AddParameter(insert, "@n", migration.Name);
            AddParameter(insert, "@c", migration.Checksum);
            AddParameter(insert, "@a", Clock.UtcNow(time));
            await insert.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbException ex)
        {
            throw new MigrationException($"Schema migration {migration.Version:D4}_{migration.Name} failed and was rolled back: {ex.Message}", ex);
        }
    }

    private static void Verify(IReadOnlyList<AppliedMigration> applied, IReadOnlyList<Migration> known)
    {
        foreach (var a in applied)
        {
            var k = known.FirstOrDefault(m => m.Version == a.Version)
                ?? throw new MigrationException($"The database has schema version {a.Version} ({a.Name}), which this build does not know: it was written by a newer Renkei.");
            if (!string.Equals(k.Checksum, a.Checksum, StringComparison.Ordinal))
            {
                throw new MigrationException($"Schema migration {a.Version:D4}_{a.Name} was changed after it was applied (checksum differs). Add a new migration instead of editing an applied one.");
            }
        }
    }

    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers go on while a writer works; it is a property of the file, set once.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", ct);
        }
        return connection;
    }

    private Task EnsureHistoryTableAsync(DbConnection connection, CancellationToken ct) =>
        ExecuteAsync(connection, null, settings.Provider == DatabaseProvider.Sqlite
            ? "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL);"
            : "CREATE TABLE IF NOT EXISTS schema_migrations (version integer NOT NULL PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamp with time zone NOT NULL);", ct);

    private static async Task<IReadOnlyList<AppliedMigration>> ReadAppliedAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<AppliedMigration>();
        while (await reader.ReadAsync(ct))
        {
            var appliedAt = reader.GetValue(3) switch
            {
                DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
                string s => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                var other => throw new InvalidOperationException($"Unexpected applied_at value {other}."),
            };
            list.Add(new AppliedMigration(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), appliedAt));
        }
        return list;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 300;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value is DateTime d && command is Microsoft.Data.Sqlite.SqliteCommand
            ? d.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)
            : value;
        command.Parameters.Add(parameter);
    }
}

public sealed class MigrationException(string message, Exception? inner = null) : Exception(message, inner);
