using Microsoft.AspNetCore.Mvc;
using Renkei.Common;
using Renkei.Directory;

namespace Renkei.Web.Pages.Directory;

public sealed class CeptoarModel(DirectoryQueries directory, CeptoarRecipientService recipients) : RenkeiPageModel
{
    public CeptoarView Ceptoar { get; private set; } = null!;
    public Page<OrganisationSummary> Members { get; private set; } = new([], 0, 0, 0);

    /// <summary>The 展開先 the caller may see (the whole list for NISC, the ministry in charge and the secretariat).</summary>
    public List<CeptoarRecipientView> Recipients { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int Offset { get; set; }

    public bool CanManageMembers => Access.Permissions.ManageCeptoarMembers(Caller, Ceptoar.Code);

    public bool CanManageRecipients => Access.Permissions.ManageCeptoarRecipients(Caller, Ceptoar.Code);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) =>
        await LoadAsync(code, ct) ? Page() : NotFound();

    /// <param name="organisation">The organisation's id or directory code.</param>
    public async Task<IActionResult> OnPostAddRecipientAsync(string code, string? organisation, RecipientSelection? selection, CancellationToken ct)
    {
        var text = (organisation ?? "").Trim();
        Guid? id = Guid.TryParse(text, out var parsed) ? parsed : null;
        if (id is null && text.Length > 0)
        {
            // Codes are friendlier than ids; resolve them through the directory the caller sees.
            id = (await directory.OrganisationsAsync(Caller, new OrganisationFilter(Text: text), 0, 200, ct)).Items.FirstOrDefault(o => o.Code == text)?.Id;
        }
        var result = id is null
            ? Problem.Invalid("organisationId", text.Length == 0 ? "is required" : Text.T("'{0}' is not an organisation in the directory", text))
            : (await recipients.AddAsync(Caller, code, new CeptoarRecipientInput { OrganisationId = id, Selection = selection }, ct)).Problem;
        if (result is not null)
        {
            return await LoadAsync(code, ct) ? ShowProblem(result) : NotFound();
        }
        Flash = L["Flash.Saved"];
        return Redirect($"/Directory/Ceptoars/{code}#recipients");
    }

    public async Task<IActionResult> OnPostRemoveRecipientAsync(string code, Guid organisationId, CancellationToken ct)
    {
        var result = await recipients.RemoveAsync(Caller, code, organisationId, ct);
        if (!result.Ok)
        {
            return await LoadAsync(code, ct) ? ShowProblem(result.Problem!) : NotFound();
        }
        Flash = L["Flash.Deleted"];
        return Redirect($"/Directory/Ceptoars/{code}#recipients");
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        var ceptoar = await directory.CeptoarAsync(Caller, code, ct);
        if (ceptoar is null)
        {
            return false;
        }
        Ceptoar = ceptoar;
        Members = await directory.OrganisationsAsync(Caller, new OrganisationFilter(CeptoarCode: code), Math.Max(0, Offset), 100, ct);
        Recipients = await recipients.ListAsync(Caller, code, ct) ?? [];
        return true;
    }
}
