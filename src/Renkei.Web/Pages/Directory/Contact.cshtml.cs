using Microsoft.AspNetCore.Mvc;
using Renkei.Directory;

namespace Renkei.Web.Pages.Directory;

public sealed class ContactModel(DirectoryQueries directory, ContactService contacts) : RenkeiPageModel
{
    [BindProperty]
    public ContactInput Input { get; set; } = new();

    public OrganisationSummary Organisation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid contactId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var contact = (await directory.ContactsAsync(Caller, id, ct))?.FirstOrDefault(c => c.Id == contactId);
        if (contact is null || ContactService.Refusal(Caller, id) is not null)
        {
            return NotFound();
        }
        Input = new ContactInput { Priority = contact.Priority, Name = contact.Name, Email = contact.Email, Phone = contact.Phone, Hours = contact.Hours, Version = contact.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid contactId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var result = await contacts.UpdateAsync(Caller, id, contactId, Input, ct);
        if (!result.Ok)
        {
            return ShowProblem(result.Problem!);
        }
        Flash = L["Flash.Saved"];
        return Redirect($"/Directory/Organisations/{id}#contacts");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var detail = await directory.OrganisationAsync(Caller, id, ct);
        if (detail is null)
        {
            return false;
        }
        Organisation = detail.Organisation;
        return true;
    }
}
