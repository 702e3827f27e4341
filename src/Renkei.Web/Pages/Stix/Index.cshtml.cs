using Microsoft.AspNetCore.Mvc;
using Renkei.Access;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Stix;
using Renkei.Web.Infrastructure;
using Renkei.Web.Stix;

namespace Renkei.Web.Pages.Stix;

/// <summary>The upload form's fields besides the file: a title, the TLP (empty: from the markings) and one audience entry.</summary>
public sealed class StixUploadForm
{
    public string? Title { get; set; }

    /// <summary>"clear", "green", "amber", "amber+strict", "red", or empty to take the bundle's markings.</summary>
    public string? Tlp { get; set; }

    /// <summary>"kind:key", e.g. "organisation:&lt;id&gt;", "ceptoar:&lt;code&gt;", "user:&lt;id&gt;".</summary>
    public string? Audience { get; set; }
}

/// <summary>
/// STIX sharing (STIX 共有): the indicator sets the caller may read, and for analysts, coordinators
/// and admins an upload form for a STIX 2.1 bundle. Who reads what, and whether an upload is
/// allowed and to whom, is decided by the services (AccessPolicy and the importer), not here.
/// </summary>
[RequestSizeLimit(StixEndpoints.MaxBundleBytes + Uploads.MultipartAllowance)]
[RequestFormLimits(MultipartBodyLengthLimit = StixEndpoints.MaxBundleBytes + Uploads.MultipartAllowance)]
public sealed class IndexModel(IndicatorSetQueries sets, StixImporter importer, DirectoryQueries directory) : RenkeiPageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public int Offset { get; set; }

    [BindProperty]
    public StixUploadForm Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Bundle { get; set; }

    public Page<IndicatorSetView> Result { get; private set; } = new([], 0, 0, 0);

    public bool CanImport => StixImporter.MayImport(Caller);

    /// <summary>The audiences offered: the caller's organisation, CEPTOARs and communities, and the caller alone.</summary>
    public IReadOnlyList<AudienceChoice> AudienceChoices { get; private set; } = [];

    /// <summary>Errors not tied to a form field: the bundle's objects (by STIX id) and its shape, with the reasons.</summary>
    public IReadOnlyList<(string Key, string Reason)> BundleErrors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanImport)
        {
            return Forbid();
        }
        ModelState.Clear();
        if (Bundle is null || Bundle.Length == 0)
        {
            ModelState.AddModelError("Bundle", Text.T("is required"));
        }
        else if (Bundle.Length > StixEndpoints.MaxBundleBytes)
        {
            ModelState.AddModelError("Bundle", Text.T("The file is larger than {0} MB.", StixEndpoints.MaxBundleBytes / (1024 * 1024)));
        }
        Tlp? tlp = null;
        if (!string.IsNullOrWhiteSpace(Input.Tlp))
        {
            if (EnumText.TryParse<Tlp>(Input.Tlp.Trim().ToLowerInvariant(), out var parsed))
            {
                tlp = parsed;
            }
            else
            {
                ModelState.AddModelError("Input.Tlp", Text.T("must be clear, green, amber, amber+strict or red"));
            }
        }
        var audience = new List<AudienceEntry>();
        if (!string.IsNullOrWhiteSpace(Input.Audience))
        {
            if (AudienceEntry.Parse(Input.Audience) is { } entry)
            {
                audience.Add(entry);
            }
            else
            {
                ModelState.AddModelError("Input.Audience", Text.T("'{0}' is not a known {1}", AudienceEntry.KindOf(Input.Audience), Text.T("audience kind")));
            }
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        byte[] body;
        using (var buffer = new MemoryStream())
        {
            await Bundle!.CopyToAsync(buffer, ct);
            body = buffer.ToArray();
        }
        var result = await importer.ImportAsync(Caller, body, new StixImportInput { Title = Input.Title, Tlp = tlp, Audience = audience }, StixChannel.Upload, ct);
        if (!result.Ok)
        {
            if (result.Problem!.Kind == ProblemKind.Forbidden)
            {
                return Forbid();
            }
            Show(result.Problem);
            await LoadAsync(ct);
            return Page();
        }
        Flash = L["Stix.Imported", result.Value!.ObjectCount, result.Value.IndicatorCount];
        return Redirect($"/Stix/Sets/{result.Value.Id:D}");
    }

    /// <summary>Field errors beside their fields (title, tlp, audience…); the bundle's own errors listed with their object ids.</summary>
    private void Show(Problem problem)
    {
        if (problem.Errors is not { Count: > 0 } errors)
        {
            BundleErrors = [("", problem.Detail)];
            return;
        }
        var listed = new List<(string, string)>();
        foreach (var (key, reasons) in errors)
        {
            var field = key switch
            {
                "title" => "Input.Title",
                "tlp" => "Input.Tlp",
                _ when key == "audience" || key.StartsWith("audience[", StringComparison.Ordinal) || key.StartsWith("audience.", StringComparison.Ordinal) => "Input.Audience",
                _ => null,
            };
            foreach (var reason in reasons)
            {
                if (field is null)
                {
                    listed.Add((key, reason));
                }
                else
                {
                    ModelState.AddModelError(field, reason);
                }
            }
        }
        BundleErrors = listed;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Result = await sets.ListAsync(Caller, Math.Max(0, Offset), PageSize, ct);
        if (!CanImport)
        {
            return;
        }
        AudienceChoices = [.. await AudienceChoice.PeersAsync(directory, Caller, ct), AudienceChoice.Me(Caller)];
    }
}
