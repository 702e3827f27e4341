using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.Standards;

/// <summary>
/// Loads the safety-standards lists shipped as data (Standards/Data, the 2008 list of seed
/// 002:1117-1177) into <c>safety_standards</c>, idempotently: a document is created when its code
/// is new and refreshed from the file while nobody has edited it; once a ministry or admin has
/// edited it, their version stands.
/// </summary>
public sealed class SafetyStandardSeeder(RenkeiDbContext db, TimeProvider time, ILogger<SafetyStandardSeeder> logger)
{
    public sealed record SeedEntry(string Code, string Sector, string? Scope, string Kind, string TitleJa, string? TitleEn,
        string? Issuer, string? IssuerOrg, string? Edition, string Seed, string? Notes);

    public sealed record SeedFile(string Source, DateOnly AsOf, string KindNote, IReadOnlyList<SeedEntry> Standards);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static SeedFile Load2008() => Load("safety-standards-2008.json");

    public static SeedFile Load(string name)
    {
        using var stream = typeof(SafetyStandardSeeder).Assembly.GetManifestResourceStream($"Renkei.Standards.{name}")
            ?? throw new InvalidDataException($"{name} is not embedded.");
        var file = JsonSerializer.Deserialize<SeedFile>(stream, JsonOptions)
            ?? throw new InvalidDataException($"{name} is empty.");
        foreach (var e in file.Standards)
        {
            if (!EnumText.TryParse<StandardKind>(e.Kind, out var kind) || kind == StandardKind.Internal)
            {
                throw new InvalidDataException($"{name}: '{e.Code}' has kind '{e.Kind}' (mandatory, recommended or industry).");
            }
            if (string.IsNullOrWhiteSpace(e.Seed))
            {
                throw new InvalidDataException($"{name}: '{e.Code}' has no seed citation.");
            }
        }
        if (file.Standards.GroupBy(e => e.Code).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new InvalidDataException($"{name}: code '{duplicate.Key}' appears twice.");
        }
        return file;
    }

    /// <summary>Returns how many documents were created and refreshed.</summary>
    public async Task<(int Created, int Updated)> SeedAsync(CancellationToken ct = default)
    {
        var file = Load2008();
        var now = Clock.UtcNow(time);
        var codes = file.Standards.Select(e => e.Code).ToList();
        var existing = await db.SafetyStandards.Where(s => s.Code != null && codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code!, ct);
        var sectors = await db.Sectors.Select(s => s.Code).ToListAsync(ct);
        var scopes = await db.BusinessScopes.ToDictionaryAsync(s => s.Code, s => s.SectorCode, ct);
        var issuerCodes = file.Standards.Where(e => e.IssuerOrg != null).Select(e => e.IssuerOrg!).Distinct().ToList();
        var issuers = await db.Organisations.Where(o => o.Code != null && issuerCodes.Contains(o.Code)).ToDictionaryAsync(o => o.Code!, o => o.Id, ct);
        int created = 0, updated = 0;
        foreach (var e in file.Standards)
        {
            if (!sectors.Contains(e.Sector) || (e.Scope is not null && (!scopes.TryGetValue(e.Scope, out var sector) || sector != e.Sector)))
            {
                throw new InvalidDataException($"safety-standards-2008.json: '{e.Code}' names sector '{e.Sector}' and scope '{e.Scope}', which the reference data does not hold.");
            }
            if (existing.TryGetValue(e.Code, out var s))
            {
                if (s.UpdatedByUserId is not null)
                {
                    continue;
                }
            }
            else
            {
                s = new SafetyStandard { Id = Guid.CreateVersion7(), Code = e.Code, SectorCode = e.Sector, TitleJa = e.TitleJa, Version = 0, CreatedAt = now };
                db.SafetyStandards.Add(s);
            }
            var before = (s.SectorCode, s.BusinessScopeCode, s.Kind, s.TitleJa, s.TitleEn, s.IssuerName, s.IssuerOrganisationId, s.Edition, s.Seed, s.AsOf, s.Notes);
            s.SectorCode = e.Sector;
            s.BusinessScopeCode = e.Scope;
            s.Kind = EnumText.Parse<StandardKind>(e.Kind);
            s.TitleJa = e.TitleJa;
            s.TitleEn = e.TitleEn;
            s.IssuerName = e.Issuer;
            s.IssuerOrganisationId = e.IssuerOrg is null ? null : issuers.GetValueOrDefault(e.IssuerOrg);
            s.Edition = e.Edition;
            s.Seed = e.Seed;
            s.AsOf = file.AsOf;
            s.Notes = e.Notes;
            if (s.Version == 0)
            {
                s.Version = 1;
                s.UpdatedAt = now;
                created++;
            }
            else if (before != (s.SectorCode, s.BusinessScopeCode, s.Kind, s.TitleJa, s.TitleEn, s.IssuerName, s.IssuerOrganisationId, s.Edition, s.Seed, s.AsOf, s.Notes))
            {
                s.Version++;
                s.UpdatedAt = now;
                updated++;
            }
        }
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(ct);
        }
        if (created + updated > 0)
        {
            logger.LogInformation("Safety standards (2008 list): {Created} created, {Updated} updated from the data file", created, updated);
        }
        return (created, updated);
    }
}
