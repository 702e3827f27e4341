using System.Globalization;
using Renkei.Common;
using Renkei.Notifications;

namespace Renkei.ContactChecks;

/// <summary>
/// The e-mail of a round to one point of contact: the check's own words and the one-click link.
/// Unlike notification mail it carries the message: it is written for the contact to read, and a
/// contact check carries nothing confidential (it asks "can we reach you?").
/// </summary>
public static class ContactCheckMail
{
    public static string LinkPath(string token) => "/ContactChecks/Confirm/" + token;

    public static Mail Compose(string to, string contactName, string title, string? message, string issuerJa, string issuerEn, DateTime deadlineUtc, string link)
    {
        var deadline = Clock.ToJst(deadlineUtc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " JST";
        var words = string.IsNullOrWhiteSpace(message) ? "" : message.Trim() + "\n\n";
        var body = $"""
            {contactName} 様

            {issuerJa} から情報疎通確認（連絡窓口の到達確認）です。
            {words}下のリンクを開き「受信を確認」を押してください。期限: {deadline}
            {link}

            ---
            Dear {contactName},

            This is a contact check from {issuerEn}: please confirm that this point of contact can be reached.
            Open the link and press "Confirm receipt" by {deadline}:
            {link}

            このリンクはこの窓口専用です。転送しないでください。
            The link is for this point of contact only; please do not forward it.
            """;
        return new Mail(to, $"[Renkei] 情報疎通確認 / Contact check: {title}", body);
    }
}
