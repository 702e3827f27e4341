using Microsoft.AspNetCore.Mvc;
using Renkei.Directory.Csv;

namespace Renkei.Web.Pages.Admin;

/// <summary>CSV import with its error report, and the export links (platform admins).</summary>
[RequestSizeLimit(CsvFile.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = CsvFile.MaxBytes + 64 * 1024)]
public sealed class ImportModel(OrganisationCsv organisationCsv, UserCsv userCsv) : RenkeiPageModel
{
    public ImportReport? Report { get; private set; }
    public string? Kind { get; private set; }

    public IActionResult OnGet() => CsvImport.Refusal(Caller) is null ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(string kind, IFormFile? file, CancellationToken ct)
    {
        // Refused before the file is looked at: a non-admin's post is a 403, not a form error.
        if (CsvImport.Refusal(Caller) is not null)
        {
            return Forbid();
        }
        Kind = kind == "users" ? "users" : "organisations";
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", L["Import.ChooseFile"]);
            return Page();
        }
        if (file.Length > CsvFile.MaxBytes)
        {
            ModelState.AddModelError("file", Common.Text.T("The file is larger than {0} MB.", CsvFile.MaxBytes / (1024 * 1024)));
            return Page();
        }
        byte[] content;
        using (var buffer = new MemoryStream())
        {
            await file.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }
        var result = Kind == "users"
            ? await userCsv.ImportAsync(Caller, content, ct)
            : await organisationCsv.ImportAsync(Caller, content, ct);
        if (!result.Ok)
        {
            return ShowProblem(result.Problem!, prefix: "");
        }
        Report = result.Value;
        return Page();
    }
}
