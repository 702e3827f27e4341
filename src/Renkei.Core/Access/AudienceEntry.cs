using System.ComponentModel.DataAnnotations;

namespace Renkei.Access;

/// <summary>One entry of an audience as clients send it.</summary>
/// <remarks>Key: a code for sectors, scopes, CEPTOARs and communities; an id for organisations; an id or e-mail address for users; empty for all CI.</remarks>
public sealed record AudienceEntry
{
    [Required(ErrorMessage = "is required")]
    public AudienceKind? Kind { get; init; }

    [MaxLength(254, ErrorMessage = "must be at most 254 characters")]
    public string? Key { get; init; }

    /// <summary>
    /// Reads the "kind:key" form query strings and forms use ("ceptoar:electricity",
    /// "organisation:&lt;id&gt;", "all_ci"; "all-ci" too); null when the kind is not one.
    /// </summary>
    public static AudienceEntry? Parse(string text)
    {
        text = text.Trim();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? text : text[..colon];
        return Common.EnumText.TryParse<AudienceKind>(kind.Replace('-', '_'), out var k)
            ? new AudienceEntry { Kind = k, Key = colon < 0 ? "" : text[(colon + 1)..] }
            : null;
    }

    /// <summary>The kind part of a "kind:key" text (what <see cref="Parse"/> did not recognise).</summary>
    public static string KindOf(string text) => text.Trim().Split(':', 2)[0];

    public static string Format(AudienceKind kind, string key) => $"{Common.EnumText.ToText(kind)}:{key}";
}

/// <summary>An audience entry with its display names, as the API and UI show it.</summary>
public sealed record AudienceEntryView(AudienceKind Kind, string Key, string NameJa, string NameEn);
