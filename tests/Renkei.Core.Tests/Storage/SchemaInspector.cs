using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Renkei.Storage;

namespace Renkei.Core.Tests.Storage;

/// <summary>Reads tables, columns and indexes of a live database, to compare with the EF model.</summary>
internal static class SchemaInspector
{
    internal sealed record Column(string Table, string Name, bool Nullable);

    public static async Task<List<Column>> ColumnsAsync(RenkeiDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var columns = new List<Column>();
        if (db.Database.IsSqlite())
        {
            var tables = await ListAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
            foreach (var table in tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"PRAGMA table_info(\"{table}\")";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var pk = reader.GetInt32(5) > 0;
                    columns.Add(new Column(table, reader.GetString(1), reader.GetInt32(3) == 0 && !pk));
                }
            }
        }
        else
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(new Column(reader.GetString(0), reader.GetString(1), reader.GetString(2) == "YES"));
            }
        }
        return columns;
    }

    public static async Task<List<string>> IndexesAsync(RenkeiDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        return db.Database.IsSqlite()
            ? await ListAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'")
            : await ListAsync(connection, "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE 'pk_%'");
    }

    private static async Task<List<string>> ListAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<string>();
        while (await reader.ReadAsync())
        {
            list.Add(reader.GetString(0));
        }
        return list;
    }
}
