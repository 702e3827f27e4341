using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace Renkei.Web.Infrastructure;

/// <summary>
/// Markdown written by an issuer, rendered for every recipient: raw HTML is never passed through
/// (it comes out as escaped text), links keep only web, mail and same-site targets, and images
/// become plain links so no other origin is contacted by merely opening a page.
/// </summary>
/// <remarks>
/// An advisory's body is read by thousands of people in other organisations; a script, an event
/// handler or a <c>javascript:</c> link in it would run with each reader's session. Only the
/// CommonMark core and pipe tables are enabled: extensions such as generic attributes
/// (<c>{onerror=…}</c>) would let text become markup again.
/// </remarks>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseAutoLinks()
        .Build();

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    public static IHtmlContent Render(string? markdown) => new HtmlString(ToHtml(markdown));

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            var url = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
            if (!IsSafe(url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
            else
            {
                autolink.GetAttributes().AddPropertyIfNotExist("rel", "noopener noreferrer");
            }
        }
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            // An image would be fetched from wherever it points the moment the page opens; the
            // reader gets a link to it instead (its alternative text, or the address).
            if (link.IsImage)
            {
                link.IsImage = false;
                if (link.FirstChild is null)
                {
                    link.AppendChild(new LiteralInline(link.Url ?? ""));
                }
            }
            if (!IsSafe(link.Url))
            {
                // The text stays; the target goes.
                link.MoveChildrenAfter(link);
                link.Remove();
                continue;
            }
            link.GetAttributes().AddPropertyIfNotExist("rel", "noopener noreferrer");
        }
        return Markdown.ToHtml(document, Pipeline);
    }

    /// <summary>http, https and mailto targets, and references within this site; nothing else.</summary>
    public static bool IsSafe(string? url)
    {
        if (url is null)
        {
            return false;
        }
        // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
        var compact = new string(url.Where(c => c > ' ' && c != '\u007f').ToArray());
        if (compact.Length == 0)
        {
            return false;
        }
        var end = compact.IndexOfAny(['/', '?', '#']);
        var head = end < 0 ? compact : compact[..end];
        var colon = head.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            // Relative: a path, a query or a fragment on this site.
            return true;
        }
        var scheme = head[..colon];
        return AllowedSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);
    }
}
