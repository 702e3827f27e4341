using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Renkei.Identity;

namespace Renkei.Web.Pages.Profile;

/// <summary>The user's own page: language, password, two-factor sign-in and API tokens.</summary>
public sealed class IndexModel(ApiTokenQueries tokenQueries, ApiTokenService tokens, UserAdminService users) : RenkeiPageModel
{
    public UserView Me { get; private set; } = null!;
    public List<TokenView> Tokens { get; private set; } = [];

    /// <summary>A new token's secret, shown once.</summary>
    public string? NewSecret { get; private set; }

    [BindProperty]
    public TokenForm Token { get; set; } = new();

    public sealed class TokenForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [MaxLength(100, ErrorMessage = "must be at most 100 characters")]
        [Display(Name = "Token.Name")]
        public string Name { get; set; } = "";

        [Range(1, ApiTokenService.MaxLifetimeDays, ErrorMessage = "must be between 1 and 366")]
        [Display(Name = "Token.Days")]
        public int Days { get; set; } = ApiTokenService.DefaultLifetimeDays;
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateTokenAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var issued = await tokens.IssueAsync(Caller.UserId, Token.Name.Trim(), Token.Days, ct);
        NewSecret = issued.Secret;
        Token = new TokenForm();
        ModelState.Clear();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeTokenAsync(Guid tokenId, CancellationToken ct)
    {
        if (!(await tokens.RevokeAsync(Caller, Caller.UserId, tokenId, ct)).Ok)
        {
            return NotFound();
        }
        Flash = L["Token.Revoked"];
        return Redirect("/Profile#tokens");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Me = (await users.FindAsync(Caller, Caller.UserId, ct))!;
        Tokens = (await tokenQueries.ListAsync(Caller, Caller.UserId, ct)).Value!;
    }
}
