using System.Text;
using Renkei.Access;
using Renkei.Notifications;

namespace Renkei.Advisories;

/// <summary>
/// The words of advisory e-mail. Below RED the advisory's title, summary and recommended actions
/// travel with their TLP label (the body and indicators are read in Renkei); under TLP:RED
/// nothing of the advisory leaves the platform, only that there is one and where to read it.
/// </summary>
public static class AdvisoryMail
{
    private static readonly IFormatProvider Inv = System.Globalization.CultureInfo.InvariantCulture;

    public static Mail Compose(string to, Advisory advisory, string issuerJa, string issuerEn, string headlineJa, string headlineEn, string link, string? hotlinePhone = null)
    {
        var label = NotificationMail.TlpLabel(advisory.Tlp);
        var urgent = advisory.Urgency == AdvisoryUrgency.Emergency;
        var red = advisory.Tlp == Tlp.Red;
        var tag = urgent ? "[緊急/Emergency]" : "";
        var subject = red
            ? $"[Renkei][TLP:{label}]{tag} {headlineJa} / {headlineEn}"
            : $"[Renkei][TLP:{label}]{tag} {headlineJa}: {advisory.Content.Title}";
        var body = new StringBuilder();
        body.AppendLine(headlineJa).AppendLine();
        body.AppendLine(Inv, $"発信元: {issuerJa}");
        body.AppendLine(Inv, $"TLP: {label}");
        body.AppendLine(Inv, $"緊急度: {(urgent ? "緊急" : "通常")}");
        if (hotlinePhone is not null)
        {
            body.AppendLine(Inv, $"発信元の電話番号: {hotlinePhone}");
        }
        if (!red)
        {
            body.AppendLine(Inv, $"件名: {advisory.Content.Title}").AppendLine().AppendLine("概要:").AppendLine(advisory.Content.Summary);
            if (!string.IsNullOrWhiteSpace(advisory.Content.RecommendedActions))
            {
                body.AppendLine().AppendLine("推奨される対策:").AppendLine(advisory.Content.RecommendedActions);
            }
        }
        body.AppendLine().AppendLine(Inv, $"Renkei で全文を確認し、受領確認をしてください: {link}").AppendLine().AppendLine("---");
        body.AppendLine(headlineEn).AppendLine();
        body.AppendLine(Inv, $"From: {issuerEn}");
        body.AppendLine(Inv, $"TLP: {label}");
        body.AppendLine(Inv, $"Urgency: {(urgent ? "emergency" : "normal")}");
        if (hotlinePhone is not null)
        {
            body.AppendLine(Inv, $"Issuer's phone: {hotlinePhone}");
        }
        if (!red)
        {
            body.AppendLine(Inv, $"Title: {advisory.Content.Title}");
        }
        body.AppendLine().AppendLine(Inv, $"Read it in full and acknowledge it in Renkei: {link}").AppendLine();
        body.AppendLine(red
            ? "TLP:RED のため、このメールには情報提供の内容を記載していません。/ Under TLP:RED this e-mail carries none of the advisory's content."
            : $"TLP:{label} の取扱いに従って共有してください。/ Share according to TLP:{label}.");
        return new Mail(to, subject, body.ToString());
    }
}
