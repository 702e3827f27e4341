using Microsoft.AspNetCore.Mvc;
using Renkei.Access;
using Renkei.Directory;
using Renkei.Taxii.Feeds;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Pages.Admin.Feeds;

/// <summary>Create or change a partner feed. The service checks everything; the form offers the organisation's own circles as audience.</summary>
public sealed class EditModel(TaxiiFeedService feeds, DirectoryQueries directory) : RenkeiPageModel
{
    public sealed class FeedForm
    {
        public string? Name { get; set; }
        public string? ApiRootUrl { get; set; }
        public string? CollectionId { get; set; }
        public TaxiiFeedAuth Auth { get; set; } = TaxiiFeedAuth.Basic;
        public string? Username { get; set; }
        public string? Secret { get; set; }
        public Tlp Tlp { get; set; } = Tlp.Amber;

        /// <summary>"kind:key" entries, e.g. "organisation:&lt;id&gt;", "ceptoar:&lt;code&gt;".</summary>
        public List<string> Audience { get; set; } = [];
        public int IntervalMinutes { get; set; } = 60;
        public bool Enabled { get; set; } = true;
        public int? Version { get; set; }
    }

    [BindProperty]
    public FeedForm Input { get; set; } = new();

    public TaxiiFeedView? Existing { get; private set; }

    /// <summary>The audiences offered, with their names: the organisation, its CEPTOARs and communities.</summary>
    public List<(string Value, string Name)> AudienceChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (!TaxiiFeedService.MayManage(Caller))
        {
            return Forbid();
        }
        if (id is { } feedId)
        {
            var detail = await feeds.GetAsync(Caller, feedId, ct);
            if (detail is null)
            {
                return NotFound();
            }
            Existing = detail.Feed;
            Input = new FeedForm
            {
                Name = Existing.Name,
                ApiRootUrl = Existing.ApiRootUrl,
                CollectionId = Existing.CollectionId,
                Auth = Existing.Auth,
                Username = Existing.Username,
                Tlp = Existing.Tlp,
                IntervalMinutes = Existing.IntervalMinutes,
                Enabled = Existing.Enabled,
                Version = Existing.Version,
                Audience = Existing.Audience.Select(a => $"{Common.EnumText.ToText(a.Kind)}:{a.Key}").ToList(),
            };
        }
        else
        {
            Input.Audience = [$"organisation:{Caller.OrganisationId:D}"];
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var input = new TaxiiFeedInput
        {
            Name = Input.Name,
            ApiRootUrl = Input.ApiRootUrl,
            CollectionId = Input.CollectionId,
            Auth = Input.Auth,
            Username = Input.Username,
            Secret = string.IsNullOrEmpty(Input.Secret) ? null : Input.Secret,
            Tlp = Input.Tlp,
            IntervalMinutes = Input.IntervalMinutes,
            Enabled = Input.Enabled,
            Version = Input.Version,
            Audience = Input.Audience.Select(Entry).ToList(),
        };
        var result = id is { } feedId ? await feeds.UpdateAsync(Caller, feedId, input, ct) : await feeds.CreateAsync(Caller, input, ct);
        if (!result.Ok)
        {
            if (result.Problem!.Kind == Common.ProblemKind.Forbidden)
            {
                return Forbid();
            }
            if (id is { } existing)
            {
                Existing = (await feeds.GetAsync(Caller, existing, ct))?.Feed;
            }
            await LoadChoicesAsync(ct);
            Input.Secret = null; // never echoed back into the page
            return ShowProblem(OnAudienceField(result.Problem));
        }
        Flash = L["Feed.Saved"];
        return Redirect($"/Admin/Feeds/{result.Value!.Id:D}");
    }

    /// <summary>Reasons about single audience entries ("audience[2].key") are shown beside the audience choices.</summary>
    private static Common.Problem OnAudienceField(Common.Problem problem) => problem.Errors is null ? problem : problem with
    {
        Errors = problem.Errors
            .GroupBy(e => e.Key.StartsWith("audience", StringComparison.Ordinal) ? "audience" : e.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).Distinct().ToArray(), StringComparer.Ordinal),
    };

    private static AudienceEntry Entry(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? value : value[..colon];
        return new AudienceEntry { Kind = Common.EnumText.TryParse<AudienceKind>(kind, out var k) ? k : null, Key = colon < 0 ? "" : value[(colon + 1)..] };
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var organisation = await directory.OrganisationAsync(Caller, Caller.OrganisationId, ct);
        AudienceChoices = [($"organisation:{Caller.OrganisationId:D}", L["Feed.AudienceOwn", organisation is null ? "" : Ui.Name(organisation.Organisation.NameJa, organisation.Organisation.NameEn)])];
        foreach (var c in (await directory.CeptoarsAsync(Caller, ct: ct)).Where(c => Caller.CeptoarCodes.Contains(c.Code)))
        {
            AudienceChoices.Add(($"ceptoar:{c.Code}", L["Audience.ceptoar"] + ": " + Ui.Name(c.NameJa, c.NameEn)));
        }
        foreach (var c in (await directory.CommunitiesAsync(Caller, ct)).Where(c => Caller.CommunityCodes.Contains(c.Code)))
        {
            AudienceChoices.Add(($"community:{c.Code}", L["Audience.community"] + ": " + Ui.Name(c.NameJa, c.NameEn)));
        }
        // Entries saved through the API beyond these stay selectable, so an edit keeps them.
        foreach (var value in Input.Audience.Where(v => AudienceChoices.All(c => c.Value != v)))
        {
            var name = Existing?.Audience.FirstOrDefault(a => $"{Common.EnumText.ToText(a.Kind)}:{a.Key}" == value) is { } a ? Ui.Name(a.NameJa, a.NameEn) : value;
            AudienceChoices.Add((value, name));
        }
    }
}
