using Renkei.Access;
using Renkei.Advisories;
using Renkei.Presets;

namespace Renkei.Web.Pages.Presets;

/// <summary>The preset form as a browser posts it, named like the API's fields.</summary>
public sealed class PresetForm
{
    public ContentPresetTarget? Target { get; set; }
    public string? Kind { get; set; }
    public string? Language { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Body { get; set; }
    public string? RecommendedActions { get; set; }
    public string? Status { get; set; }
    public string? InterimMeasures { get; set; }
    public string? Cause { get; set; }
    public string? Countermeasures { get; set; }
    public string? RecoveryOutlook { get; set; }
    public Tlp? Tlp { get; set; }
    public AdvisoryUrgency? Urgency { get; set; }
    public int? Version { get; set; }

    public ContentPresetInput ToInput()
    {
        var advisory = Target == ContentPresetTarget.Advisory;
        return new()
        {
            Target = Target,
            Kind = Kind,
            Language = Language,
            Title = Title,
            // Only the target's own fields are sent: the form posts them all.
            Summary = advisory ? Summary : null,
            Body = advisory ? Body : null,
            RecommendedActions = advisory ? RecommendedActions : null,
            Status = advisory ? null : Status,
            InterimMeasures = advisory ? null : InterimMeasures,
            Cause = advisory ? null : Cause,
            Countermeasures = advisory ? null : Countermeasures,
            RecoveryOutlook = advisory ? null : RecoveryOutlook,
            Tlp = Tlp,
            Urgency = advisory ? Urgency : null,
            Version = Version,
        };
    }

    public static PresetForm From(ContentPresetView v) => new()
    {
        Target = v.Target,
        Kind = v.Kind,
        Language = v.Language,
        Title = v.Content.Title,
        Summary = v.Content.Summary,
        Body = v.Content.Body,
        RecommendedActions = v.Content.RecommendedActions,
        Status = v.Content.Status,
        InterimMeasures = v.Content.InterimMeasures,
        Cause = v.Content.Cause,
        Countermeasures = v.Content.Countermeasures,
        RecoveryOutlook = v.Content.RecoveryOutlook,
        Tlp = v.Content.Tlp,
        Urgency = v.Content.Urgency,
        Version = v.Version,
    };
}
