using Renkei.Reports;

namespace Renkei.Core.Tests.Reports;

public sealed class ReportAttachmentsTests
{
    [Theory]
    [InlineData("障害報告.pdf", "障害報告.pdf")]
    [InlineData("C:\\Users\\soc\\Desktop\\log.txt", "log.txt")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("a\u0000b\r\nc.txt", "abc.txt")]
    [InlineData("what?<is>:this|\"*.txt", "what__is__this___.txt")]
    [InlineData("  ..hidden.  ", "hidden")]
    [InlineData("CON.txt", "_CON.txt")]
    [InlineData("com1", "_com1")]
    [InlineData("", "attachment")]
    [InlineData(null, "attachment")]
    [InlineData("...", "attachment")]
    [InlineData("\u202E", "attachment")]
    public void SafeFileName_KeepsTheNameWithoutAnythingMisleading(string? name, string expected) =>
        ReportAttachments.SafeFileName(name).ShouldBe(expected);

    [Fact]
    public void SafeFileName_DecomposedKana_AreComposed() =>
        ReportAttachments.SafeFileName("\u30C6\u3099\u30FC\u30BF.txt").ShouldBe("データ.txt", "macOS sends decomposed names; the same name must compare equal");

    [Fact]
    public void SafeFileName_TooLong_KeepsTheExtensionAndWholeCharacters()
    {
        var name = string.Concat(Enumerable.Repeat("😀", 150)) + ".xlsx";
        var safe = ReportAttachments.SafeFileName(name);
        safe.Length.ShouldBeLessThanOrEqualTo(ReportAttachments.MaxFileNameLength);
        safe.ShouldEndWith("😀.xlsx");
        safe.EnumerateRunes().ShouldNotContain(System.Text.Rune.ReplacementChar);
    }

    [Theory]
    [InlineData("text/plain; charset=utf-8", "text/plain")]
    [InlineData("IMAGE/PNG", "image/png")]
    [InlineData("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData(null, "application/octet-stream")]
    [InlineData("", "application/octet-stream")]
    [InlineData("not a type", "application/octet-stream")]
    [InlineData("*/*", "application/octet-stream")]
    public void SafeContentType_MediaTypeOrOctetStream(string? declared, string expected) =>
        ReportAttachments.SafeContentType(declared).ShouldBe(expected);
}
