using System.Text.Json;
using Renkei.Storage;

namespace Renkei.Audit;

/// <summary>
/// Records events that are not writes: reads of restricted content, exports, sign-ins. Writes are
/// recorded by <see cref="RenkeiDbContext"/> itself.
/// </summary>
public sealed class AuditTrail(RenkeiDbContext db)
{
    public Task RecordAsync(string action, string resourceType, string? resourceId, object? details = null, CancellationToken ct = default)
    {
        db.AddAuditEvent(new AuditDraft(action, resourceType, resourceId, details is null ? null : JsonSerializer.Serialize(details)));
        return db.SaveChangesAsync(ct);
    }

    public Task ReadAsync(string resourceType, string? resourceId, CancellationToken ct = default) =>
        RecordAsync("read", resourceType, resourceId, null, ct);
}
