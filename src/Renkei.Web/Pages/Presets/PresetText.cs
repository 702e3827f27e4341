using Microsoft.Extensions.Localization;
using Renkei.Advisories;
using Renkei.Common;
using Renkei.Presets;
using Renkei.Reports;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Pages.Presets;

/// <summary>How a preset's target and kind are named on the pages.</summary>
public static class PresetText
{
    public static string Kind(IStringLocalizer l, ContentPresetTarget target, string kind)
    {
        if (target == ContentPresetTarget.Advisory)
        {
            return EnumText.TryParse<AdvisoryKind>(kind, out var k) ? Ui.Label(l, k) : kind;
        }
        return ThreatTaxonomy.Instance.Category(kind) is { } c ? Ui.Name(c.NameJa, c.NameEn) : kind;
    }

    public static string Target(IStringLocalizer l, ContentPresetTarget target) => l["Preset.Target." + EnumText.ToText(target)];
}
