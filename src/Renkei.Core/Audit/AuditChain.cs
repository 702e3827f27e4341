using Microsoft.EntityFrameworkCore;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.Audit;

/// <summary>Appends drafts to the chain. Must run inside the transaction that writes the audited data.</summary>
internal static class AuditChain
{
    /// <summary>Arbitrary, fixed key of the PostgreSQL advisory lock that serialises appends across instances.</summary>
    private const long AdvisoryLockKey = 0x52656e6b6569; // "Renkei"

    public static async Task AppendAsync(RenkeiDbContext db, IReadOnlyList<AuditDraft> drafts, AuditActor actor, DateTime nowUtc, CancellationToken ct)
    {
        // SQLite: EF transactions there are BEGIN IMMEDIATE, so the writer lock is already held.
        // PostgreSQL: an advisory lock held to the end of the transaction.
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
        }

        var last = await db.AuditEvents.AsNoTracking()
            .OrderByDescending(e => e.Seq)
            .Select(e => new { e.Seq, e.Hash })
            .FirstOrDefaultAsync(ct);
        var seq = last?.Seq ?? 0;
        var prev = last?.Hash ?? AuditHash.Genesis;
        var at = Clock.Truncate(nowUtc);

        foreach (var draft in drafts)
        {
            var e = new AuditEvent
            {
                Seq = ++seq,
                OccurredAt = at,
                ActorUserId = actor.UserId,
                Actor = actor.Label,
                ActorOrganisationId = actor.OrganisationId,
                Action = draft.Action,
                ResourceType = draft.ResourceType,
                ResourceId = draft.ResourceId,
                RemoteAddress = actor.RemoteAddress,
                Details = draft.Details,
                ActorPseudonym = actor.Pseudonym,
                DisclosedToOrganisationId = actor.DisclosedTo,
                PrevHash = prev,
                Hash = "",
            };
            e.Hash = AuditHash.Compute(e);
            prev = e.Hash;
            db.AuditEvents.Add(e);
        }
    }
}
