using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Renkei.Audit;

/// <summary>The hash that links one audit event to the previous one.</summary>
/// <remarks>
/// The input is every stored field in a fixed order, each length-prefixed so that no two
/// different events can produce the same input by moving text between fields.
/// </remarks>
public static class AuditHash
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(AuditEvent e)
    {
        var builder = new StringBuilder(256);
        Append(builder, e.Seq.ToString(CultureInfo.InvariantCulture));
        Append(builder, e.OccurredAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        Append(builder, e.ActorUserId?.ToString("D"));
        Append(builder, e.Actor);
        Append(builder, e.ActorOrganisationId?.ToString("D"));
        Append(builder, e.Action);
        Append(builder, e.ResourceType);
        Append(builder, e.ResourceId);
        Append(builder, e.RemoteAddress);
        Append(builder, e.Details);
        // Added with anonymised reporting; appended only when set, so earlier events keep their hashes.
        if (e.ActorPseudonym is not null || e.DisclosedToOrganisationId is not null)
        {
            Append(builder, e.ActorPseudonym);
            Append(builder, e.DisclosedToOrganisationId?.ToString("D"));
        }
        Append(builder, e.PrevHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    private static void Append(StringBuilder builder, string? value)
    {
        if (value is null)
        {
            builder.Append("-1:");
            return;
        }
        builder.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
    }
}
