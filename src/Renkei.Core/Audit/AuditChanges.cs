using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Renkei.Audit;

/// <summary>
/// Turns the change tracker's pending writes into audit drafts, so that no write can reach the
/// database without its audit event: the events are written by the same SaveChanges, in the same
/// transaction.
/// </summary>
internal static class AuditChanges
{
    /// <summary>
    /// Annotation on properties whose changes are bookkeeping, not writes anyone made (a token's
    /// last use), and on entities derived from audited writes (notifications and their outbox).
    /// </summary>
    public const string NotAudited = "Renkei:NotAudited";

    internal sealed record Change(EntityEntry Entry, string Action, IReadOnlyList<string> Fields);

    public static List<Change> Collect(ChangeTracker tracker)
    {
        var changes = new List<Change>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is AuditEvent || entry.Metadata.FindAnnotation(NotAudited) is not null)
            {
                continue;
            }
            switch (entry.State)
            {
                case EntityState.Added:
                    changes.Add(new Change(entry, "create", []));
                    break;
                case EntityState.Deleted:
                    changes.Add(new Change(entry, "delete", []));
                    break;
                case EntityState.Modified:
                    var fields = entry.Properties
                        .Where(p => p.IsModified && p.Metadata.FindAnnotation(NotAudited) is null)
                        .Select(p => p.Metadata.GetColumnName())
                        .ToList();
                    if (fields.Count > 0)
                    {
                        changes.Add(new Change(entry, "update", fields));
                    }
                    break;
                case EntityState.Detached:
                case EntityState.Unchanged:
                default:
                    break;
            }
        }
        return changes;
    }

    /// <summary>Builds the draft after the data was saved, when generated keys are known.</summary>
    public static AuditDraft ToDraft(Change change)
    {
        var type = change.Entry.Metadata;
        var key = type.FindPrimaryKey();
        var id = key is null
            ? null
            : string.Join("/", key.Properties.Select(p => Format(ReadValue(change.Entry, p))));
        var details = change.Fields.Count == 0 ? null : JsonSerializer.Serialize(new { fields = change.Fields });
        return new AuditDraft(change.Action, type.GetTableName() ?? type.ShortName(), id, details);
    }

    private static object? ReadValue(EntityEntry entry, IProperty property) =>
        property.PropertyInfo is { } info ? info.GetValue(entry.Entity) : entry.Property(property.Name).CurrentValue;

    private static string Format(object? value) => value switch
    {
        null => "",
        Guid g => g.ToString("D"),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>An audit event before it is placed in the chain.</summary>
public sealed record AuditDraft(string Action, string ResourceType, string? ResourceId, string? Details);
