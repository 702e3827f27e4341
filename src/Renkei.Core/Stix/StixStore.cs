using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.Stix;

/// <summary>One version of one object, ready to store; <see cref="Version"/> null means "when added".</summary>
public sealed record StixObjectDraft(string StixId, string Type, string SpecVersion, DateTime? Version, string Json);

/// <summary>
/// Appends STIX object versions to a source, in bulk, inside the caller's write transaction.
/// </summary>
/// <remarks>
/// <c>seq</c> and <c>date_added</c> are assigned here under a lock (SQLite's single writer; a
/// transaction-scoped advisory lock on PostgreSQL), so both increase strictly in commit order and a
/// TAXII client that resumes from the last <c>date_added</c> it saw misses nothing. Rows go in
/// through prepared statements (SQLite) or binary COPY (PostgreSQL): the change tracker would
/// spend seconds on a 100,000-object bundle.
/// </remarks>
public sealed class StixStore(RenkeiDbContext db)
{
    // Any fixed number: the lock's name among the application's advisory locks.
    private const long PostgresLockKey = 0x5354_4958;

    public sealed record AppendResult(int Added, int AlreadyPresent, long FirstSeq, long LastSeq);

    /// <param name="collectionKeys">The TAXII collections the source's objects belong to (<see cref="Taxii.TaxiiCollections.KeysOf"/>).</param>
    public async Task<AppendResult> AppendAsync(StixSourceKind kind, Guid sourceId, IReadOnlyList<StixObjectDraft> drafts, IReadOnlyCollection<string> collectionKeys, DateTime now, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("STIX objects are appended inside a write transaction.");
        }
        var isPostgres = db.Database.IsNpgsql();
        if (isPostgres)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", ct);
        }
        var last = await db.StixObjects.OrderByDescending(o => o.Seq).Select(o => new { o.Seq, o.DateAdded }).FirstOrDefaultAsync(ct);
        var seq = last?.Seq ?? 0;
        var tick = TimeSpan.FromTicks(10);
        var added = StixTime.Truncate(now, 10);
        if (last is not null && added <= last.DateAdded)
        {
            added = last.DateAdded + tick;
        }

        // What the source already holds, per object: its versions and which are first and last.
        var existing = (await db.StixObjects.Where(o => o.SourceId == sourceId)
                .Select(o => new { o.StixId, o.Version })
                .ToListAsync(ct))
            .GroupBy(o => o.StixId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(o => o.Version).ToHashSet(), StringComparer.Ordinal);

        var rows = new List<StixObjectRecord>(drafts.Count);
        var present = 0;
        var demoteLatest = new HashSet<string>(StringComparer.Ordinal);
        var demoteFirst = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in drafts.Select((d, i) => (Draft: d, Index: i)).GroupBy(x => x.Draft.StixId, StringComparer.Ordinal))
        {
            var versions = existing.GetValueOrDefault(group.Key) ?? [];
            var oldMax = versions.Count > 0 ? versions.Max() : (DateTime?)null;
            var oldMin = versions.Count > 0 ? versions.Min() : (DateTime?)null;
            var fresh = new List<StixObjectRecord>();
            foreach (var (draft, _) in group.OrderBy(x => x.Index))
            {
                var row = new StixObjectRecord
                {
                    SourceKind = kind,
                    SourceId = sourceId,
                    StixId = draft.StixId,
                    Type = draft.Type,
                    SpecVersion = draft.SpecVersion,
                    Json = draft.Json,
                };
                row.DateAdded = added;
                row.Version = draft.Version ?? added;
                if (!versions.Add(row.Version))
                {
                    // TAXII: a version the collection already has is not added again.
                    present++;
                    continue;
                }
                added += tick;
                row.Seq = ++seq;
                fresh.Add(row);
            }
            if (fresh.Count == 0)
            {
                continue;
            }
            var newMax = fresh.Max(r => r.Version);
            var newMin = fresh.Min(r => r.Version);
            if (oldMax is null || newMax > oldMax)
            {
                fresh.First(r => r.Version == newMax).IsLatest = true;
                if (oldMax is not null)
                {
                    demoteLatest.Add(group.Key);
                }
            }
            if (oldMin is null || newMin < oldMin)
            {
                fresh.First(r => r.Version == newMin).IsFirst = true;
                if (oldMin is not null)
                {
                    demoteFirst.Add(group.Key);
                }
            }
            rows.AddRange(fresh);
        }

        foreach (var id in demoteLatest)
        {
            await db.StixObjects.Where(o => o.SourceId == sourceId && o.StixId == id && o.IsLatest).ExecuteUpdateAsync(s => s.SetProperty(o => o.IsLatest, false), ct);
        }
        foreach (var id in demoteFirst)
        {
            await db.StixObjects.Where(o => o.SourceId == sourceId && o.StixId == id && o.IsFirst).ExecuteUpdateAsync(s => s.SetProperty(o => o.IsFirst, false), ct);
        }
        rows.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        if (isPostgres)
        {
            await CopyAsync(rows, collectionKeys, ct);
        }
        else
        {
            await InsertAsync(rows, collectionKeys, ct);
        }
        return new AppendResult(rows.Count, present, rows.Count > 0 ? rows[0].Seq : 0, rows.Count > 0 ? rows[^1].Seq : 0);
    }

    /// <summary>After a delete: marks the remaining newest and oldest versions of one object in one source.</summary>
    public static async Task RelabelAsync(RenkeiDbContext db, Guid sourceId, string stixId, CancellationToken ct)
    {
        var rows = db.StixObjects.Where(o => o.SourceId == sourceId && o.StixId == stixId);
        await rows.ExecuteUpdateAsync(s => s.SetProperty(o => o.IsLatest, false).SetProperty(o => o.IsFirst, false), ct);
        var versions = await rows.Select(o => o.Version).ToListAsync(ct);
        if (versions.Count == 0)
        {
            return;
        }
        var newest = versions.Max();
        var oldest = versions.Min();
        await rows.Where(o => o.Version == newest).ExecuteUpdateAsync(s => s.SetProperty(o => o.IsLatest, true), ct);
        await rows.Where(o => o.Version == oldest).ExecuteUpdateAsync(s => s.SetProperty(o => o.IsFirst, true), ct);
    }

    /// <summary>
    /// Adds a source's objects to more collections (an advisory's audience grew, or it became
    /// TLP:CLEAR); entries already there stay as they are.
    /// </summary>
    public async Task AddToCollectionsAsync(Guid sourceId, IReadOnlyCollection<string> collectionKeys, CancellationToken ct = default)
    {
        foreach (var key in collectionKeys)
        {
            var missing = db.StixObjects.Where(o => o.SourceId == sourceId
                && !db.StixCollectionEntries.Any(e => e.CollectionKey == key && e.Seq == o.Seq)).Select(o => o.Seq);
            foreach (var seq in await missing.ToListAsync(ct))
            {
                db.StixCollectionEntries.Add(new StixCollectionEntry { CollectionKey = key, Seq = seq });
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Objects shared by every export (TLP marking definitions, issuers' identities): stored once
    /// per version under <see cref="Taxii.TaxiiCollections.CommonSourceId"/>, and entered into the
    /// collections of each record that refers to them.
    /// </summary>
    public async Task AppendCommonAsync(IReadOnlyList<StixObjectDraft> drafts, IReadOnlyCollection<string> collectionKeys, DateTime now, CancellationToken ct = default)
    {
        var common = Taxii.TaxiiCollections.CommonSourceId;
        await AppendAsync(StixSourceKind.Advisory, common, drafts, [], now, ct);
        foreach (var draft in drafts)
        {
            var seq = await db.StixObjects.Where(o => o.SourceId == common && o.StixId == draft.StixId && o.Version == draft.Version).Select(o => o.Seq).FirstAsync(ct);
            foreach (var key in collectionKeys)
            {
                if (!await db.StixCollectionEntries.AnyAsync(e => e.CollectionKey == key && e.Seq == seq, ct))
                {
                    db.StixCollectionEntries.Add(new StixCollectionEntry { CollectionKey = key, Seq = seq });
                }
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private Task InsertAsync(List<StixObjectRecord> rows, IReadOnlyCollection<string> keys, CancellationToken ct) =>
        SqliteBulkInsert.WithPageCacheAsync(db, rows.Count, () => InsertRowsAsync(rows, keys, ct), ct);

    private async Task InsertRowsAsync(List<StixObjectRecord> rows, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var (entry, e) = await SqliteBulkInsert.PrepareAsync(db, """INSERT INTO "stix_collection_entries" ("collection_key", "seq") VALUES ($key, $seq)""", ["$key", "$seq"], ct);
        await using var entryCommand = entry;
        var (command, p) = await SqliteBulkInsert.PrepareAsync(db, """
            INSERT INTO "stix_objects" ("seq", "source_kind", "source_id", "stix_id", "type", "spec_version", "version", "date_added", "is_latest", "is_first", "json")
            VALUES ($seq, $kind, $source, $id, $type, $spec, $version, $added, $latest, $first, $json)
            """, ["$seq", "$kind", "$source", "$id", "$type", "$spec", "$version", "$added", "$latest", "$first", "$json"], ct);
        await using var objectCommand = command;
        foreach (var r in rows)
        {
            p[0].Value = r.Seq;
            p[1].Value = EnumText.ToText(r.SourceKind);
            // The same text form EF Core writes for Guid and DateTime on SQLite, so queries compare alike.
            p[2].Value = r.SourceId.ToString("D").ToUpperInvariant();
            p[3].Value = r.StixId;
            p[4].Value = r.Type;
            p[5].Value = r.SpecVersion;
            p[6].Value = r.Version;
            p[7].Value = r.DateAdded;
            p[8].Value = r.IsLatest;
            p[9].Value = r.IsFirst;
            p[10].Value = r.Json;
            await command.ExecuteNonQueryAsync(ct);
            foreach (var key in keys)
            {
                e[0].Value = key;
                e[1].Value = r.Seq;
                await entry.ExecuteNonQueryAsync(ct);
            }
        }
    }

    private async Task CopyAsync(List<StixObjectRecord> rows, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await CopyObjectsAsync(connection, rows, ct);
        await using var entries = await connection.BeginBinaryImportAsync("COPY stix_collection_entries (collection_key, seq) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var r in rows)
        {
            foreach (var key in keys)
            {
                await entries.StartRowAsync(ct);
                await entries.WriteAsync(key, NpgsqlDbType.Varchar, ct);
                await entries.WriteAsync(r.Seq, NpgsqlDbType.Bigint, ct);
            }
        }
        await entries.CompleteAsync(ct);
    }

    private static async Task CopyObjectsAsync(NpgsqlConnection connection, List<StixObjectRecord> rows, CancellationToken ct)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY stix_objects (seq, source_kind, source_id, stix_id, type, spec_version, version, date_added, is_latest, is_first, json) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var r in rows)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(r.Seq, NpgsqlDbType.Bigint, ct);
            await writer.WriteAsync(EnumText.ToText(r.SourceKind), NpgsqlDbType.Varchar, ct);
            await writer.WriteAsync(r.SourceId, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(r.StixId, NpgsqlDbType.Varchar, ct);
            await writer.WriteAsync(r.Type, NpgsqlDbType.Varchar, ct);
            await writer.WriteAsync(r.SpecVersion, NpgsqlDbType.Varchar, ct);
            await writer.WriteAsync(r.Version, NpgsqlDbType.TimestampTz, ct);
            await writer.WriteAsync(r.DateAdded, NpgsqlDbType.TimestampTz, ct);
            await writer.WriteAsync(r.IsLatest, NpgsqlDbType.Boolean, ct);
            await writer.WriteAsync(r.IsFirst, NpgsqlDbType.Boolean, ct);
            await writer.WriteAsync(r.Json, NpgsqlDbType.Text, ct);
        }
        await writer.CompleteAsync(ct);
    }
}
