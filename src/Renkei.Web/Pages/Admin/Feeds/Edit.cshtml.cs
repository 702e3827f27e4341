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

    /// <summary>The audiences offered: the organisation, its CEPTOARs and communities, and any other entry the feed already has.</summary>
    public List<AudienceChoice> AudienceChoices { get; private set; } = [];

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
                Audience = Existing.Audience.Select(a => AudienceEntry.Format(a.Kind, a.Key)).ToList(),
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
            Audience = Input.Audience.Select(v => AudienceEntry.Parse(v) ?? new AudienceEntry { Key = v }).ToList(),
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

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        AudienceChoices = await AudienceChoice.PeersAsync(directory, Caller, ct);
        // Entries saved through the API beyond these stay offered (with their names), so an edit keeps them.
        foreach (var a in Existing?.Audience ?? [])
        {
            var value = AudienceEntry.Format(a.Kind, a.Key);
            if (AudienceChoices.All(c => c.Value != value))
            {
                AudienceChoices.Add(new AudienceChoice(value, a.Kind, a.Key, a.NameJa, a.NameEn));
            }
        }
    }
}
