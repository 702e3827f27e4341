using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.Audit;

/// <summary>Where the chain broke, and how.</summary>
public sealed record AuditBreak(long Seq, string Reason);

public sealed record AuditVerification(long Checked, long? LastSeq, string? LastHash, AuditBreak? FirstBreak)
{
    public bool Intact => FirstBreak is null;
}

/// <summary>
/// Walks the audit trail from the first event and recomputes every hash. The first event whose
/// stored hash, link or position does not match is reported; everything before it is proven
/// unaltered.
/// </summary>
public sealed class AuditVerifier(RenkeiDbContext db)
{
    private const int BatchSize = 5000;

    /// <summary>
    /// Verification asked for by a person: platform administrators and national-centre auditors
    /// (<see cref="Permissions.VerifyAudit"/>), as it reads every event of every organisation.
    /// </summary>
    public async Task<Result<AuditVerification>> VerifyAsync(Caller caller, CancellationToken ct = default)
    {
        if (!Permissions.VerifyAudit(caller))
        {
            return Problem.Forbidden("Only platform administrators and national-centre auditors verify the whole trail.");
        }
        return await VerifyAsync(ct);
    }

    /// <summary>Verification by the operator of the machine (the CLI) or a system check.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        long expectedSeq = 1;
        var prev = AuditHash.Genesis;
        long checkedCount = 0;
        while (true)
        {
            var from = expectedSeq;
            var batch = await db.AuditEvents.AsNoTracking()
                .Where(e => e.Seq >= from)
                .OrderBy(e => e.Seq)
                .Take(BatchSize)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return new AuditVerification(checkedCount, checkedCount == 0 ? null : expectedSeq - 1, checkedCount == 0 ? null : prev, null);
            }
            foreach (var e in batch)
            {
                if (e.Seq != expectedSeq)
                {
                    return Broken(checkedCount, expectedSeq, $"event {expectedSeq} is missing (next stored event is {e.Seq})");
                }
                if (!string.Equals(e.PrevHash, prev, StringComparison.Ordinal))
                {
                    return Broken(checkedCount, e.Seq, "its link to the previous event does not match that event's hash");
                }
                var computed = AuditHash.Compute(e);
                if (!string.Equals(computed, e.Hash, StringComparison.Ordinal))
                {
                    return Broken(checkedCount, e.Seq, "its content does not match its hash (the row was altered)");
                }
                prev = e.Hash;
                expectedSeq++;
                checkedCount++;
            }
        }
    }

    private static AuditVerification Broken(long checkedCount, long seq, string reason) =>
        new(checkedCount, null, null, new AuditBreak(seq, reason));
}
