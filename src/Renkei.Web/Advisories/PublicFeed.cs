using System.Globalization;
using System.Text;
using System.Xml;
using Renkei.Advisories;

namespace Renkei.Web.Advisories;

/// <summary>
/// The Atom feed of TLP:CLEAR advisories (<c>/feed.atom</c>), open without sign-in like the public
/// portal, and read the same way: through <see cref="AdvisoryService"/> with no caller.
/// </summary>
public static class PublicFeed
{
    public const int Entries = 50;

    public static IEndpointRouteBuilder MapPublicFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/feed.atom", WriteAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> WriteAsync(HttpContext http, AdvisoryService advisories, CancellationToken ct)
    {
        var page = await advisories.ListAsync(null, 0, Entries, ct);
        var items = page.Items.Where(a => a.State == AdvisoryState.Published).ToList();
        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}";
        var updated = items.Select(a => a.PublishedAt).Max() ?? DateTime.UnixEpoch;
        var output = new StringBuilder();
        await using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Async = true, Indent = true, Encoding = Encoding.UTF8 }))
        {
            await xml.WriteStartDocumentAsync();
            xml.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            xml.WriteElementString("title", "Renkei 情報提供 (TLP:CLEAR)");
            xml.WriteElementString("id", baseUrl + "/feed.atom");
            xml.WriteElementString("updated", Stamp(updated));
            Link(xml, baseUrl + "/feed.atom", "self");
            Link(xml, baseUrl + "/Public", "alternate");
            foreach (var a in items)
            {
                xml.WriteStartElement("entry");
                xml.WriteElementString("id", $"urn:uuid:{a.Id:D}");
                xml.WriteElementString("title", a.Title);
                xml.WriteElementString("updated", Stamp(a.PublishedAt ?? updated));
                Link(xml, $"{baseUrl}/Public/Advisories/{a.Id:D}", "alternate");
                xml.WriteStartElement("author");
                xml.WriteElementString("name", a.OwnerNameJa);
                xml.WriteEndElement();
                xml.WriteStartElement("category");
                xml.WriteAttributeString("term", Renkei.Common.EnumText.ToText(a.Kind));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        // XmlWriter over a StringBuilder declares UTF-16; the response is UTF-8.
        var text = output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
        return Results.Text(text, "application/atom+xml; charset=utf-8", Encoding.UTF8);
    }

    private static void Link(XmlWriter xml, string href, string rel)
    {
        xml.WriteStartElement("link");
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Stamp(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
