using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Renkei.Access;
using Renkei.Directory;
using Renkei.Notices;

namespace Renkei.Web.Pages.Notices;

/// <summary>Write or edit a notice: TLP label and audience.</summary>
public sealed class EditModel(NoticeService notices, DirectoryQueries directory) : RenkeiPageModel
{
    [BindProperty]
    public NoticeForm Input { get; set; } = new();

    public Guid? Id { get; private set; }
    public List<SectorView> Sectors { get; private set; } = [];
    public List<CeptoarView> Ceptoars { get; private set; } = [];
    public List<CommunityView> Communities { get; private set; } = [];

    public sealed class NoticeForm
    {
        [Display(Name = "Notice.Title")]
        public string Title { get; set; } = "";

        [Display(Name = "Notice.Body")]
        public string Body { get; set; } = "";

        public Tlp Tlp { get; set; } = Tlp.Amber;
        public bool AllCi { get; set; }
        public List<string> Sectors { get; set; } = [];
        public List<string> Ceptoars { get; set; } = [];
        public List<string> Communities { get; set; } = [];

        /// <summary>Organisation codes or ids, one per line.</summary>
        public string? Organisations { get; set; }

        /// <summary>E-mail addresses of named recipients, one per line (the only recipients TLP:RED allows).</summary>
        public string? Users { get; set; }

        public int? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        if (id is null)
        {
            return Permissions.IssueNotice(Caller) ? Page() : Forbid();
        }
        var notice = await notices.GetAsync(Caller, id.Value, ct);
        if (notice is null)
        {
            return NotFound();
        }
        Id = id;
        Input = new NoticeForm
        {
            Title = notice.Title,
            Body = notice.Body,
            Tlp = notice.Tlp,
            AllCi = notice.Audience.Any(a => a.Kind == AudienceKind.AllCi),
            Sectors = notice.Audience.Where(a => a.Kind == AudienceKind.Sector).Select(a => a.Key).ToList(),
            Ceptoars = notice.Audience.Where(a => a.Kind == AudienceKind.Ceptoar).Select(a => a.Key).ToList(),
            Communities = notice.Audience.Where(a => a.Kind == AudienceKind.Community).Select(a => a.Key).ToList(),
            Organisations = string.Join('\n', notice.Audience.Where(a => a.Kind == AudienceKind.Organisation).Select(a => a.Key)),
            Users = string.Join('\n', notice.Audience.Where(a => a.Kind == AudienceKind.User).Select(a => a.Key)),
            Version = notice.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        var input = new NoticeInput { Title = Input.Title, Body = Input.Body, Tlp = Input.Tlp, Audience = await AudienceAsync(ct), Version = Input.Version };
        var result = id is null ? await notices.CreateAsync(Caller, input, ct) : await notices.UpdateAsync(Caller, id.Value, input, ct);
        if (!result.Ok)
        {
            await LoadChoicesAsync(ct);
            return ShowProblem(result.Problem!);
        }
        Flash = L["Flash.Saved"];
        return Redirect($"/Notices/{result.Value!.Id}");
    }

    private async Task<List<AudienceEntry>> AudienceAsync(CancellationToken ct)
    {
        var entries = new List<AudienceEntry>();
        if (Input.AllCi)
        {
            entries.Add(new AudienceEntry { Kind = AudienceKind.AllCi });
        }
        entries.AddRange(Input.Sectors.Select(s => new AudienceEntry { Kind = AudienceKind.Sector, Key = s }));
        entries.AddRange(Input.Ceptoars.Select(s => new AudienceEntry { Kind = AudienceKind.Ceptoar, Key = s }));
        entries.AddRange(Input.Communities.Select(s => new AudienceEntry { Kind = AudienceKind.Community, Key = s }));
        foreach (var line in Lines(Input.Organisations))
        {
            // Codes are friendlier than ids; resolve them through the directory the caller sees.
            var key = Guid.TryParse(line, out _) ? line
                : (await directory.OrganisationsAsync(Caller, new OrganisationFilter(Text: line), 0, 200, ct)).Items.FirstOrDefault(o => o.Code == line)?.Id.ToString("D") ?? line;
            entries.Add(new AudienceEntry { Kind = AudienceKind.Organisation, Key = key });
        }
        entries.AddRange(Lines(Input.Users).Select(u => new AudienceEntry { Kind = AudienceKind.User, Key = u }));
        return entries;
    }

    private static string[] Lines(string? text) =>
        (text ?? "").Split(['\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Sectors = await directory.SectorsAsync(Caller, ct);
        Ceptoars = await directory.CeptoarsAsync(Caller, null, ct);
        Communities = await directory.CommunitiesAsync(Caller, ct);
    }
}
