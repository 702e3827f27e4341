using Microsoft.EntityFrameworkCore;
using Renkei.Storage;

namespace Renkei.Advisories;

/// <summary>Writes delivery records in bulk, inside the caller's transaction.</summary>
internal static class DeliveryRows
{
    /// <summary>Rows per INSERT: about 1,004 parameters, well under SQLite's and PostgreSQL's limits.</summary>
    private const int Batch = 1000;

    /// <summary>
    /// An all-CI advisory reaches thousands of organisations: multi-row INSERTs rather than one
    /// tracked entity per row (six times slower on SQLite). Only placeholders are built into the
    /// text; every value is a parameter, typed by EF Core's mapping for the provider.
    /// </summary>
    public static async Task InsertAsync(RenkeiDbContext db, Guid advisoryId, IReadOnlyCollection<Guid> organisations, DateTime now, Guid receivedFrom,
        RelayState? relayState, CancellationToken ct)
    {
        foreach (var chunk in organisations.Chunk(Batch))
        {
            var values = string.Join(",", chunk.Select((_, i) => $"({{0}}, {{{i + 4}}}, {{1}}, {{2}}, {{3}})"));
            object?[] parameters = [advisoryId, now, receivedFrom, relayState is { } s ? Common.EnumText.ToText(s) : null, .. chunk.Cast<object>()];
            var sql = "INSERT INTO advisory_deliveries (advisory_id, organisation_id, delivered_at, received_from_organisation_id, relay_state) VALUES " + values;
            await db.Database.ExecuteSqlRawAsync(sql, parameters!, ct);
        }
    }
}
