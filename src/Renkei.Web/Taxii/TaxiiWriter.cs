using System.Text.Json;
using Renkei.Stix;
using Renkei.Taxii;

namespace Renkei.Web.Taxii;

/// <summary>The TAXII 2.1 resources as JSON (§4–5), written straight from what the store returns.</summary>
internal static class TaxiiWriter
{
    public static void Collection(Utf8JsonWriter w, TaxiiCollection c, bool japanese)
    {
        w.WriteStartObject();
        w.WriteString("id", c.Id.ToString("D"));
        w.WriteString("title", japanese ? c.TitleJa : c.TitleEn);
        w.WriteString("description", japanese ? c.DescriptionJa : c.DescriptionEn);
        w.WriteString("alias", c.Key);
        w.WriteBoolean("can_read", c.CanRead);
        w.WriteBoolean("can_write", c.CanWrite);
        w.WriteStartArray("media_types");
        w.WriteStringValue(TaxiiMedia.Stix);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Envelope(Utf8JsonWriter w, TaxiiPage page) =>
        // Stored as validated JSON; copied as is.
        Page(w, page, "objects", e => w.WriteRawValue(e.Json!, skipInputValidation: true));

    public static void Manifest(Utf8JsonWriter w, TaxiiPage page) => Page(w, page, "objects", e =>
    {
        w.WriteStartObject();
        w.WriteString("id", e.StixId);
        w.WriteString("date_added", StixTime.Micros(e.DateAdded!.Value));
        w.WriteString("version", Version(e.Version!.Value));
        w.WriteString("media_type", TaxiiMedia.Stix);
        w.WriteEndObject();
    });

    public static void Versions(Utf8JsonWriter w, TaxiiPage page) => Page(w, page, "versions", e => w.WriteStringValue(Version(e.Version!.Value)));

    /// <summary>The paged resources' common shape (§3.7, §5.3, §5.6): more, next, and a list omitted when empty.</summary>
    private static void Page(Utf8JsonWriter w, TaxiiPage page, string list, Action<TaxiiEntry> entry)
    {
        w.WriteStartObject();
        w.WriteBoolean("more", page.More);
        if (page.Next is not null)
        {
            w.WriteString("next", page.Next);
        }
        if (page.Entries.Count > 0)
        {
            w.WriteStartArray(list);
            foreach (var e in page.Entries)
            {
                entry(e);
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    public static void Status(Utf8JsonWriter w, TaxiiStatus s)
    {
        w.WriteStartObject();
        w.WriteString("id", s.Id.ToString("D"));
        w.WriteString("status", "complete");
        w.WriteString("request_timestamp", StixTime.Micros(s.RequestedAt));
        w.WriteNumber("total_count", s.TotalCount);
        w.WriteNumber("success_count", s.SuccessCount);
        w.WriteNumber("failure_count", s.FailureCount);
        w.WriteNumber("pending_count", 0);
        using (var details = JsonDocument.Parse(s.Details))
        {
            foreach (var property in details.RootElement.EnumerateObject())
            {
                property.WriteTo(w);
            }
        }
        w.WriteEndObject();
    }

    /// <summary>A version as the object writes it: milliseconds unless it carries finer precision.</summary>
    public static string Version(DateTime version) =>
        version.Ticks % TimeSpan.TicksPerMillisecond == 0 ? StixTime.Millis(version) : StixTime.Micros(version);
}
