using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Tests.Advisories;

/// <summary>
/// An advisory's Markdown body as every recipient's browser would get it: formatting kept, and
/// nothing in it able to run, load from elsewhere or lead to a script.
/// </summary>
public sealed class SafeMarkdownTests
{
    private static IDocument Rendered(string markdown) => new HtmlParser().ParseDocument("<body>" + SafeMarkdown.ToHtml(markdown) + "</body>");

    /// <summary>Every attribute in the output whose name starts with "on" (event handlers).</summary>
    private static List<string> Handlers(IDocument doc) =>
        doc.Body!.QuerySelectorAll("*").SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)).Select(a => a.Name).ToList();

    [Fact]
    public void Formatting_IsRendered()
    {
        var doc = Rendered("## 概要\n\n**直ちに**更新してください。\n\n- 項目1\n- 項目2\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n`code`");
        doc.QuerySelector("h2")!.TextContent.ShouldBe("概要");
        doc.QuerySelector("strong")!.TextContent.ShouldBe("直ちに");
        doc.QuerySelectorAll("li").Length.ShouldBe(2);
        doc.QuerySelector("table td")!.TextContent.ShouldBe("1");
        doc.QuerySelector("code")!.TextContent.ShouldBe("code");
    }

    [Fact]
    public void ScriptTags_ComeOutAsText()
    {
        var doc = Rendered("前文 <script>alert(1)</script>\n\n<script>\nalert(2)\n</script>");
        doc.QuerySelectorAll("script").ShouldBeEmpty();
        doc.Body!.TextContent.ShouldContain("<script>alert(1)</script>", Case.Sensitive, "shown as the text it is");
        SafeMarkdown.ToHtml("<script>alert(1)</script>").ShouldNotContain("<script", Case.Insensitive);
    }

    [Fact]
    public void RawHtml_WithEventHandlers_IsInert()
    {
        var doc = Rendered("<img src=x onerror=alert(1)>\n\nテキスト <b onmouseover=\"alert(1)\">太字</b> と <iframe src=\"https://evil.example/\"></iframe>\n\n# 見出し {onclick=alert(1)}");
        Handlers(doc).ShouldBeEmpty();
        doc.QuerySelectorAll("img, b, iframe").ShouldBeEmpty();
        doc.Body!.TextContent.ShouldContain("<img src=x onerror=alert(1)>");
        doc.QuerySelector("h1")!.TextContent.ShouldContain("{onclick=alert(1)}", Case.Sensitive, "no attribute syntax: it stays text");
    }

    [Theory]
    [InlineData("[クリック](javascript:alert(1))")]
    [InlineData("[クリック](JavaScript:alert(1))")]
    [InlineData("[クリック](<java\tscript:alert(1)>)")]
    [InlineData("[クリック](vbscript:msgbox(1))")]
    [InlineData("[クリック](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[クリック][r]\n\n[r]: javascript:alert(1)")]
    [InlineData("<javascript:alert(1)>")]
    public void DangerousLinks_LoseTheirTarget_KeepTheirText(string markdown)
    {
        var doc = Rendered(markdown);
        foreach (var a in doc.QuerySelectorAll("a"))
        {
            var href = new string((a.GetAttribute("href") ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
            href.ShouldNotContain("script:", Case.Insensitive);
            href.ShouldNotStartWith("data:", Case.Insensitive);
        }
        doc.QuerySelectorAll("a").ShouldBeEmpty();
        doc.Body!.TextContent.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void SafeLinks_AreKept_AndOpenWithoutReferrer()
    {
        var doc = Rendered("[NISC](https://www.nisc.go.jp/) [mail](mailto:soc@example.jp) [内部](/Advisories) [http](http://example.jp/a) https://jvn.jp/vu/");
        var links = doc.QuerySelectorAll("a").ToList();
        links.Select(a => a.GetAttribute("href")).ShouldBe(["https://www.nisc.go.jp/", "mailto:soc@example.jp", "/Advisories", "http://example.jp/a", "https://jvn.jp/vu/"]);
        links.ShouldAllBe(a => a.GetAttribute("rel") == "noopener noreferrer");
    }

    [Fact]
    public void Images_BecomeLinks_NothingIsLoaded()
    {
        var doc = Rendered("![図1](https://evil.example/pixel.png) ![](/img/local.png) ![x](javascript:alert(1))");
        doc.QuerySelectorAll("img").ShouldBeEmpty();
        var links = doc.QuerySelectorAll("a").ToList();
        links.Select(a => a.GetAttribute("href")).ShouldBe(["https://evil.example/pixel.png", "/img/local.png"]);
        links[0].TextContent.ShouldBe("図1");
        links[1].TextContent.ShouldBe("/img/local.png");
    }

    [Fact]
    public void Empty_IsEmpty() => SafeMarkdown.ToHtml("  ").ShouldBe("");
}
