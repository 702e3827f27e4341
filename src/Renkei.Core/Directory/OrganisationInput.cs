using System.ComponentModel.DataAnnotations;

namespace Renkei.Directory;

/// <summary>The editable fields of an organisation (API body, UI form and CSV row alike).</summary>
public sealed record OrganisationInput
{
    /// <summary>Optional stable code: lower-case letters, digits and hyphens.</summary>
    [MaxLength(64, ErrorMessage = "must be at most 64 characters")]
    [RegularExpression("^[a-z0-9][a-z0-9-]*$", ErrorMessage = "must be lower-case letters, digits and hyphens")]
    public string? Code { get; init; }

    [Required(ErrorMessage = "is required")]
    [MaxLength(200, ErrorMessage = "must be at most 200 characters")]
    public string NameJa { get; init; } = "";

    [Required(ErrorMessage = "is required")]
    [MaxLength(200, ErrorMessage = "must be at most 200 characters")]
    public string NameEn { get; init; } = "";

    [Required(ErrorMessage = "is required")]
    public OrganisationKind? Kind { get; init; }

    [MaxLength(64, ErrorMessage = "must be at most 64 characters")]
    public string? SectorCode { get; init; }

    [MaxLength(64, ErrorMessage = "must be at most 64 characters")]
    public string? BusinessScopeCode { get; init; }

    [MaxLength(400, ErrorMessage = "must be at most 400 characters")]
    [Url(ErrorMessage = "must be an http(s) URL")]
    public string? Website { get; init; }

    /// <summary>The version the edit is based on; required when updating.</summary>
    public int? Version { get; init; }

    /// <summary>Trimmed, with empty optional fields as null.</summary>
    public OrganisationInput Normalised() => this with
    {
        Code = Clean(Code),
        NameJa = NameJa?.Trim() ?? "",
        NameEn = NameEn?.Trim() ?? "",
        SectorCode = Clean(SectorCode),
        BusinessScopeCode = Clean(BusinessScopeCode),
        Website = Clean(Website),
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
