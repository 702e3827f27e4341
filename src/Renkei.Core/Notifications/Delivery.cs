namespace Renkei.Notifications;

/// <summary>One recipient's notification of an event, worded for what that recipient may see.</summary>
/// <param name="Mail">The e-mail, when the recipient has an address; null for in-app only.</param>
public sealed record Delivery(Guid UserId, string SubjectType, string TitleJa, string TitleEn, string? DetailJa, string? DetailEn, string Link, Mail? Mail);

/// <summary>An e-mail's address and text (already stripped of what may not leave the platform).</summary>
public sealed record Mail(string To, string Subject, string Body);
