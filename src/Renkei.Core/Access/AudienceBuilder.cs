using Microsoft.EntityFrameworkCore;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.Access;

/// <summary>
/// Turns audience entries into an <see cref="Audience"/>, checking each names something that
/// exists and that the combination fits the TLP label.
/// </summary>
public sealed class AudienceBuilder(RenkeiDbContext db)
{
    public async Task<Result<Audience>> BuildAsync(Tlp tlp, IReadOnlyList<AudienceEntry>? entries, string field, CancellationToken ct = default)
    {
        entries ??= [];
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (entries.Count == 0 && tlp != Tlp.Clear)
        {
            InputValidation.Add(errors, field, "must name at least one recipient for TLP other than CLEAR");
        }
        if (entries.Count > 500)
        {
            InputValidation.Add(errors, field, "may name at most 500 entries");
        }
        var audience = new Audience { Id = Guid.CreateVersion7() };
        for (var i = 0; i < entries.Count && errors.Count == 0; i++)
        {
            var entry = entries[i];
            var at = $"{field}[{i}]";
            if (entry.Kind is null)
            {
                InputValidation.Add(errors, at + ".kind", "is required");
                continue;
            }
            var kind = entry.Kind.Value;
            if (tlp == Tlp.Red && kind != AudienceKind.User)
            {
                // FIRST: RED is for the eyes and ears of individual recipients only.
                InputValidation.Add(errors, at + ".kind", "TLP:RED may be addressed only to named users");
                continue;
            }
            var key = (entry.Key ?? "").Trim();
            var resolved = await ResolveAsync(kind, key, ct);
            if (resolved is null)
            {
                InputValidation.Add(errors, at + ".key", Text.T("'{0}' is not a known {1}", key, Common.EnumText.ToText(kind)));
                continue;
            }
            if (!audience.Members.Any(m => m.Kind == kind && m.Key == resolved))
            {
                audience.Members.Add(new AudienceMember { AudienceId = audience.Id, Kind = kind, Key = resolved });
            }
        }
        return errors.Count > 0 ? Problem.Invalid(errors) : audience;
    }

    /// <summary>The stored key for an entry, or null if it names nothing.</summary>
    private async Task<string?> ResolveAsync(AudienceKind kind, string key, CancellationToken ct)
    {
        switch (kind)
        {
            case AudienceKind.AllCi:
                return SharingPolicy.AllKey;
            case AudienceKind.Sector:
                return await db.Sectors.AnyAsync(s => s.Code == key, ct) ? key : null;
            case AudienceKind.BusinessScope:
                return await db.BusinessScopes.AnyAsync(s => s.Code == key, ct) ? key : null;
            case AudienceKind.Ceptoar:
            case AudienceKind.CeptoarRecipients:
                return await db.Ceptoars.AnyAsync(c => c.Code == key, ct) ? key : null;
            case AudienceKind.Community:
                return await db.Communities.AnyAsync(c => c.Code == key, ct) ? key : null;
            case AudienceKind.Organisation:
                return Guid.TryParse(key, out var org) && await db.Organisations.AnyAsync(o => o.Id == org, ct) ? org.ToString("D") : null;
            case AudienceKind.User:
                if (Guid.TryParse(key, out var user))
                {
                    return await db.Users.AnyAsync(u => u.Id == user && u.DeactivatedAt == null, ct) ? user.ToString("D") : null;
                }
                // Named recipients are usually known by address; only active accounts resolve.
                var normalized = key.ToUpperInvariant();
                var id = await db.Users.Where(u => u.NormalizedEmail == normalized && u.DeactivatedAt == null).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
                return id?.ToString("D");
            default:
                return null;
        }
    }

    /// <summary>Display names for the entries of an audience.</summary>
    public async Task<List<AudienceEntryView>> DescribeAsync(Guid audienceId, CancellationToken ct = default)
    {
        var members = await db.AudienceMembers.AsNoTracking().Where(m => m.AudienceId == audienceId).ToListAsync(ct);
        var views = new List<AudienceEntryView>();
        foreach (var m in members.OrderBy(m => m.Kind).ThenBy(m => m.Key, StringComparer.Ordinal))
        {
            var (ja, en) = m.Kind switch
            {
                AudienceKind.AllCi => ("全重要インフラ", "All CI"),
                AudienceKind.Sector => await Names(db.Sectors.Where(s => s.Code == m.Key).Select(s => new { s.NameJa, s.NameEn }).FirstOrDefaultAsync(ct), n => (n.NameJa, n.NameEn)),
                AudienceKind.BusinessScope => await Names(db.BusinessScopes.Where(s => s.Code == m.Key).Select(s => new { s.NameJa, s.NameEn }).FirstOrDefaultAsync(ct), n => (n.NameJa, n.NameEn)),
                AudienceKind.Ceptoar => await Names(db.Ceptoars.Where(s => s.Code == m.Key).Select(s => new { s.NameJa, s.NameEn }).FirstOrDefaultAsync(ct), n => (n.NameJa, n.NameEn)),
                AudienceKind.CeptoarRecipients => await Names(db.Ceptoars.Where(s => s.Code == m.Key).Select(s => new { s.NameJa, s.NameEn }).FirstOrDefaultAsync(ct), n => (n.NameJa + "の展開先", "Recipients beyond " + n.NameEn + "'s members")),
                AudienceKind.Community => await Names(db.Communities.Where(s => s.Code == m.Key).Select(s => new { s.NameJa, s.NameEn }).FirstOrDefaultAsync(ct), n => (n.NameJa, n.NameEn)),
                AudienceKind.Organisation => await Names(db.Organisations.Where(o => o.Id == IdOf(m.Key)).Select(s => new { s.NameJa, s.NameEn }).FirstOrDefaultAsync(ct), n => (n.NameJa, n.NameEn)),
                AudienceKind.User => await Names(db.Users.Where(u => u.Id == IdOf(m.Key)).Select(u => new { NameJa = u.DisplayName, NameEn = u.DisplayName }).FirstOrDefaultAsync(ct), n => (n.NameJa, n.NameEn)),
                _ => (m.Key, m.Key),
            };
            views.Add(new AudienceEntryView(m.Kind, m.Key, ja, en));
        }
        return views;
    }

    private static Guid IdOf(string key) => Guid.TryParse(key, out var id) ? id : Guid.Empty;

    private static async Task<(string, string)> Names<T>(Task<T?> lookup, Func<T, (string, string)> pick) where T : class =>
        await lookup is { } found ? pick(found) : ("(削除済み)", "(deleted)");
}
