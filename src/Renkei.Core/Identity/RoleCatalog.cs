using Microsoft.AspNetCore.Identity;
using Renkei.Common;

namespace Renkei.Identity;

/// <summary>The Identity role rows behind <see cref="Role"/>; created at start-up if missing.</summary>
public sealed class RoleCatalog(RoleManager<IdentityRole<Guid>> roles)
{
    public static string NameOf(Role role) => EnumText.ToText(role);

    public async Task EnsureAsync()
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            var name = NameOf(role);
            if (!await roles.RoleExistsAsync(name))
            {
                var result = await roles.CreateAsync(new IdentityRole<Guid>(name) { Id = Guid.CreateVersion7() });
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create role {name}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }
            }
        }
    }
}
