using Renkei.Access;
using Renkei.Common;

namespace Renkei.Notifications;

/// <summary>
/// The words of a notification e-mail. E-mail leaves the platform, so it carries a headline, the
/// title (except under TLP:RED), the sector and a link — never who reported, never content or
/// message text: those are read in Renkei, through the access policy.
/// </summary>
public static class NotificationMail
{
    public static string TlpLabel(Tlp tlp) => EnumText.ToText(tlp).ToUpperInvariant();

    public static Mail Compose(string to, Tlp tlp, string headlineJa, string headlineEn, string title, string sectorJa, string sectorEn, string link)
    {
        var label = TlpLabel(tlp);
        var red = tlp == Tlp.Red;
        var subject = red ? $"[Renkei][TLP:{label}] {headlineJa} / {headlineEn}" : $"[Renkei][TLP:{label}] {headlineJa}: {title}";
        var titleJa = red ? "（TLP:RED のため件名は Renkei でのみ表示します）" : title;
        var titleEn = red ? "(TLP:RED: the title is shown in Renkei only)" : title;
        var body = $"""
            {headlineJa}

            件名: {titleJa}
            分野: {sectorJa}
            TLP: {label}
            Renkei で確認してください: {link}

            ---
            {headlineEn}

            Title: {titleEn}
            Sector: {sectorEn}
            TLP: {label}
            Read it in Renkei: {link}

            このメールには連絡元の名称、報告の内容、メッセージの本文を記載していません。
            This e-mail names no reporter and carries no report content or message text.
            """;
        return new Mail(to, subject, body);
    }
}
