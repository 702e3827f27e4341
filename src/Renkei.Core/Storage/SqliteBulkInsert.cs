using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Renkei.Storage;

/// <summary>
/// Bulk writes on SQLite, where EF Core's change tracker would spend seconds on 100,000 rows: one
/// prepared statement executed per row inside the caller's transaction, and a large page cache
/// while many rows are written.
/// </summary>
internal static class SqliteBulkInsert
{
    /// <summary>Rows above which a write gets the large page cache.</summary>
    private const int LargeWrite = 10_000;

    /// <summary>A prepared statement in the current transaction, with its parameters in the order named.</summary>
    public static async Task<(DbCommand Command, DbParameter[] Parameters)> PrepareAsync(RenkeiDbContext db, string sql, IReadOnlyList<string> names, CancellationToken ct)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = (db.Database.CurrentTransaction ?? throw new InvalidOperationException("Bulk inserts run inside a write transaction.")).GetDbTransaction();
        command.CommandText = sql;
        var parameters = new DbParameter[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = names[i];
            command.Parameters.Add(parameters[i]);
        }
        await command.PrepareAsync(ct);
        return (command, parameters);
    }

    /// <summary>
    /// Runs a write of <paramref name="rows"/> rows. A bulk write touches index pages all over the
    /// file (ids are random): with SQLite's default 2 MB page cache it would read and evict the same
    /// pages again and again. 128 MB for a large write, the default again after it (the connection
    /// returns to the pool).
    /// </summary>
    public static async Task WithPageCacheAsync(RenkeiDbContext db, int rows, Func<Task> write, CancellationToken ct)
    {
        var large = rows > LargeWrite;
        if (large)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -131072", ct);
        }
        try
        {
            await write();
        }
        finally
        {
            if (large)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000", CancellationToken.None);
            }
        }
    }
}
