using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Renkei.Access;
using Renkei.Advisories;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Presets;
using Renkei.Web.Infrastructure;
using Renkei.Web.Pages.Presets;
using Renkei.Web.Pages.Reports;

namespace Renkei.Web.Pages.Advisories;

/// <summary>
/// The advisory form, behind three addresses: a new advisory, a draft, and a revision of a
/// published advisory (the whole advisory as it now stands, with what changed). Every rule —
/// remit, audience, TLP, what may change once published — is the service's; this page only turns
/// the form into its input and its verdict back into errors beside the fields.
/// </summary>
public sealed partial class EditModel(AdvisoryService advisories, DirectoryQueries directory, ContentPresetService presets) : RenkeiPageModel
{
    private const int BlankIndicatorRows = 3;
    private const int BlankAudienceRows = 3;

    [BindProperty]
    public AdvisoryForm Input { get; set; } = new();

    public Guid? Id { get; private set; }

    /// <summary>The advisory as stored (editing and revising).</summary>
    public AdvisoryView? Current { get; private set; }

    /// <summary>Whether this is a revision of a published advisory rather than a draft.</summary>
    public bool Revising => RouteData.Values["page"] as string == "/Advisories/Revise";

    public string PageTitle => Revising ? L["Advisory.Revise"] : Id is null ? L["Advisories.New"] : L["Advisory.EditDraft"];

    /// <summary>What the last "apply preset" did (filled fields, fields kept as typed).</summary>
    public PresetFill? Preset { get; private set; }

    public List<SectorView> Sectors { get; private set; } = [];
    public List<CeptoarView> Ceptoars { get; private set; } = [];
    public List<CommunityView> Communities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is null)
        {
            if (!AdvisoryRemit.MayIssue(Caller))
            {
                return Forbid();
            }
            Input = new AdvisoryForm { Language = StringCatalog.CurrentLanguage, Tlp = Tlp.Amber, Urgency = AdvisoryUrgency.Normal };
            await LoadChoicesAsync(ct);
            return Page();
        }
        var view = await advisories.GetAsync(Caller, id.Value, ct);
        if (view is null)
        {
            return NotFound();
        }
        if (Elsewhere(view) is { } elsewhere)
        {
            return Redirect(elsewhere);
        }
        Id = id;
        Current = view;
        Input = AdvisoryForm.From(view);
        await LoadChoicesAsync(ct);
        return Page();
    }

    /// <summary>Saves: a new draft, the draft, or a new revision.</summary>
    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var (saved, failed) = await SaveAsync(id, ct);
        if (failed is not null)
        {
            return failed;
        }
        Flash = Revising ? L["Advisory.Revised"] : L["Advisory.DraftSaved"];
        return Redirect($"/Advisories/{saved!.Id}");
    }

    /// <summary>Saves the draft and publishes it in one step.</summary>
    public async Task<IActionResult> OnPostPublishAsync(Guid? id, CancellationToken ct)
    {
        if (Revising)
        {
            return await OnPostAsync(id, ct);
        }
        var (saved, failed) = await SaveAsync(id, ct);
        if (failed is not null)
        {
            return failed;
        }
        var published = await advisories.PublishAsync(Caller, saved!.Id, new PublishInput { Version = saved.Version }, ct);
        // The draft is kept as saved; the detail page says why it was not published.
        Flash = published.Ok ? L["Advisory.Published"] : published.Problem!.Detail;
        return Redirect($"/Advisories/{saved.Id}");
    }

    /// <summary>
    /// Fills the form's empty fields from the preset for the chosen kind (the organisation's own,
    /// else Renkei's default) and shows the form again, saving nothing. What the user typed is
    /// kept unless they confirm with <paramref name="overwrite"/>.
    /// </summary>
    public async Task<IActionResult> OnPostApplyPresetAsync(Guid? id, bool overwrite, CancellationToken ct)
    {
        Id = id;
        if (Revising || (id is null && !AdvisoryRemit.MayIssue(Caller)))
        {
            return id is null ? Forbid() : NotFound();
        }
        ModelState.Clear();
        if (Input.Kind is not { } kind)
        {
            await ReloadAsync(id, ct);
            ModelState.AddModelError("Input.Kind", L["Preset.ChooseKindFirst"]);
            return Page();
        }
        var preset = await presets.ForFormAsync(Caller, ContentPresetTarget.Advisory, EnumText.ToText(kind), Input.Language == "en" ? "en" : "ja", ct);
        if (preset is not null)
        {
            var fill = new PresetFill(preset, overwrite);
            var c = preset.Content;
            Input.Title = fill.Text(L["Advisory.Title"], Input.Title, c.Title);
            Input.Summary = fill.Text(L["Advisory.Summary"], Input.Summary, c.Summary);
            Input.Body = fill.Text(L["Advisory.Body"], Input.Body, c.Body);
            Input.RecommendedActions = fill.Text(L["Advisory.RecommendedActions"], Input.RecommendedActions, c.RecommendedActions);
            Input.Tlp = fill.Choice("TLP", Input.Tlp, c.Tlp);
            Input.Urgency = fill.Choice(L["Advisory.Urgency"], Input.Urgency, c.Urgency);
            Preset = fill;
        }
        await ReloadAsync(id, ct);
        return Page();
    }

    /// <summary>Where a draft or a published advisory is changed, when this is not the place.</summary>
    private string? Elsewhere(AdvisoryView view)
    {
        var detail = $"/Advisories/{view.Id}";
        if (view.OwnerOrganisationId != Caller.OrganisationId || !AdvisoryRemit.MayIssue(Caller))
        {
            return detail;
        }
        return view.State switch
        {
            AdvisoryState.Draft when Revising => detail + "/Edit",
            AdvisoryState.Published when !Revising => detail + "/Revise",
            AdvisoryState.Withdrawn => detail,
            _ => null,
        };
    }

    private async Task<(AdvisoryView? Saved, IActionResult? Failed)> SaveAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is null && Revising)
        {
            return (null, NotFound());
        }
        var inputs = await ReadAsync(ct);
        if (inputs is null)
        {
            await ReloadAsync(id, ct);
            return (null, Page());
        }
        var result = id is null ? await advisories.CreateAsync(Caller, inputs.Input, ct)
            : Revising ? await advisories.ReviseAsync(Caller, id.Value, inputs.Input, Input.ChangeNote, ct)
            : await advisories.UpdateAsync(Caller, id.Value, inputs.Input, ct);
        if (!result.Ok)
        {
            await ReloadAsync(id, ct);
            return (null, ShowProblem(Remap(result.Problem!, inputs)));
        }
        return (result.Value, null);
    }

    /// <summary>
    /// The input for the service, or null when the post itself is unreadable (a kind that is not a
    /// kind, a time that is not a time): then nothing is sent and the errors are shown.
    /// </summary>
    private async Task<AdvisoryInputs?> ReadAsync(CancellationToken ct)
    {
        foreach (var entry in ModelState.Values.Where(e => e.Errors.Count > 0))
        {
            entry.Errors.Clear();
            entry.Errors.Add(L["Advisory.ValueUnreadable"]);
        }
        foreach (var row in Input.Audience.Where(r => r.Kind == AudienceKind.Organisation && !string.IsNullOrWhiteSpace(r.Key) && !Guid.TryParse(r.Key, out _)))
        {
            // Codes are friendlier than ids; resolve them through the directory the caller sees.
            var code = row.Key!.Trim();
            var found = (await directory.OrganisationsAsync(Caller, new OrganisationFilter(Text: code), 0, 200, ct)).Items.FirstOrDefault(o => o.Code == code);
            row.Key = found?.Id.ToString("D") ?? code;
        }
        var (inputs, badTimes) = Input.ToInput();
        foreach (var name in badTimes)
        {
            ModelState.AddModelError($"Input.{name}", L["Report.TimeUnreadable"]);
        }
        return ModelState.IsValid ? inputs : null;
    }

    /// <summary>The service counts the entries it was sent; the errors go to the row or line they were typed in.</summary>
    private Problem Remap(Problem problem, AdvisoryInputs inputs)
    {
        if (problem.Errors is not { Count: > 0 } errors)
        {
            return problem;
        }
        var remapped = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, reasons) in errors)
        {
            var match = ListEntry().Match(key);
            if (!match.Success || !inputs.Rows.TryGetValue(match.Groups["list"].Value, out var rows))
            {
                Add(key, reasons);
                continue;
            }
            var list = match.Groups["list"].Value;
            var sent = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
            var row = sent < rows.Count ? rows[sent] : sent;
            if (list is "affectedProducts" or "references")
            {
                // One text area, one message per line.
                Add(list, reasons.Select(r => L["Advisory.LineError", row, r].Value).ToArray());
            }
            else
            {
                Add($"{list}[{row}]{match.Groups["rest"].Value}", reasons);
            }
        }
        return problem with { Errors = remapped };

        void Add(string key, string[] reasons) =>
            remapped[key] = remapped.TryGetValue(key, out var before) ? [.. before, .. reasons] : reasons;
    }

    private async Task ReloadAsync(Guid? id, CancellationToken ct)
    {
        if (id is not null)
        {
            Current = await advisories.GetAsync(Caller, id.Value, ct);
        }
        await LoadChoicesAsync(ct);
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Sectors = await directory.SectorsAsync(Caller, ct);
        Ceptoars = await directory.CeptoarsAsync(Caller, null, ct);
        Communities = await directory.CommunitiesAsync(Caller, ct);
        while (Input.Indicators.Count(r => r.IsBlank) < BlankIndicatorRows)
        {
            Input.Indicators.Add(new IndicatorRow());
        }
        while (Input.Audience.Count(r => r.IsBlank) < BlankAudienceRows)
        {
            Input.Audience.Add(new AudienceRow());
        }
    }

    [GeneratedRegex(@"^(?<list>affectedProducts|references|indicators|audience)\[(?<index>\d+)\](?<rest>.*)$")]
    private static partial Regex ListEntry();
}
