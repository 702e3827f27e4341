using Microsoft.AspNetCore.Mvc;
using Renkei.Directory;
using Renkei.ReferenceData;

namespace Renkei.Web.Pages.Admin;

/// <summary>Edit a CEPTOAR's names, scope and published figures (platform admins); versioned.</summary>
public sealed class CeptoarEditModel(DirectoryQueries directory, ReferenceDataEditor editor) : RenkeiPageModel
{
    public const int FigureRows = 4;

    [BindProperty]
    public CeptoarInput Input { get; set; } = new();

    /// <summary>Figure rows as posted (blank rows are dropped).</summary>
    [BindProperty]
    public List<FigureRow> Figures { get; set; } = [];

    public sealed class FigureRow
    {
        public int? Count { get; set; }
        public MemberUnit? Unit { get; set; }
    }

    public CeptoarView Ceptoar { get; private set; } = null!;
    public SectorView Sector { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }
        if (ReferenceDataEditor.Refusal(Caller) is not null)
        {
            return Forbid();
        }
        var c = Ceptoar;
        Input = new CeptoarInput
        {
            NameJa = c.NameJa,
            NameEn = c.NameEn,
            BusinessScopeCode = c.BusinessScope?.Code,
            ExtraRecipients = c.ExtraRecipients,
            ExtraRecipientsNoteJa = c.ExtraRecipientsNoteJa,
            ExtraRecipientsNoteEn = c.ExtraRecipientsNoteEn,
            FiguresAsOf = c.FiguresAsOf,
            Version = c.Version,
        };
        Figures = c.MemberFigures.Select(f => new FigureRow { Count = f.Count, Unit = f.Unit }).ToList();
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }
        var input = Input with
        {
            MemberFigures = Figures.Where(f => f.Count is not null || f.Unit is not null)
                .Select(f => new MemberFigureInput { Count = f.Count ?? 0, Unit = f.Unit }).ToList(),
        };
        var result = await editor.UpdateCeptoarAsync(Caller, code, input, ct);
        if (!result.Ok)
        {
            Pad();
            return ShowProblem(result.Problem!);
        }
        Flash = L["Flash.Saved"];
        return Redirect($"/Directory/Ceptoars/{code}");
    }

    private void Pad()
    {
        while (Figures.Count < FigureRows)
        {
            Figures.Add(new FigureRow());
        }
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        var ceptoar = await directory.CeptoarAsync(Caller, code, ct);
        if (ceptoar is null)
        {
            return false;
        }
        Ceptoar = ceptoar;
        Sector = (await directory.SectorAsync(Caller, ceptoar.Sector.Code, ct))!;
        return true;
    }
}
