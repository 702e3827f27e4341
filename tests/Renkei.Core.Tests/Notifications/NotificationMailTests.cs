using Renkei.Access;
using Renkei.Notifications;

namespace Renkei.Core.Tests.Notifications;

public sealed class NotificationMailTests
{
    [Fact]
    public void Red_NeitherSubjectNorBodyCarriesTheTitle()
    {
        var mail = NotificationMail.Compose("a@example.jp", Tlp.Red, "新しい情報連絡（速報）", "New report (First report)", "変電所の制御端末に侵入", "電力", "Electricity", "https://renkei.test/Reports/1");
        mail.Subject.ShouldBe("[Renkei][TLP:RED] 新しい情報連絡（速報） / New report (First report)");
        mail.Body.ShouldNotContain("変電所");
        mail.Body.ShouldContain("TLP:RED のため件名は Renkei でのみ表示します");
        mail.Body.ShouldContain("https://renkei.test/Reports/1");
    }

    [Theory]
    [InlineData(Tlp.Clear, "CLEAR")]
    [InlineData(Tlp.Amber, "AMBER")]
    [InlineData(Tlp.AmberStrict, "AMBER+STRICT")]
    public void OtherLevels_CarryTheTitle_AndTheLabel(Tlp tlp, string label)
    {
        var mail = NotificationMail.Compose("a@example.jp", tlp, "新しい情報連絡（速報）", "New report", "供給支障", "電力", "Electricity", "https://renkei.test/Reports/1");
        mail.Subject.ShouldBe($"[Renkei][TLP:{label}] 新しい情報連絡（速報）: 供給支障");
        mail.Body.ShouldContain($"TLP: {label}");
        mail.Body.ShouldContain("件名: 供給支障");
        mail.Body.ShouldContain("Title: 供給支障");
    }
}
