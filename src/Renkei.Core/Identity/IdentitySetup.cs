using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Renkei.Storage;

namespace Renkei.Identity;

public static class IdentitySetup
{
    /// <summary>User accounts, roles and API tokens as the platform manages them.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<ApiTokenService>();
        services.AddScoped<ApiTokenQueries>();
        services.AddScoped<UserAdminService>();
        services.AddScoped<RoleCatalog>();
        services.AddScoped<AdminBootstrap>();
        return services;
    }

    /// <summary>Identity without cookies, for hosts that do not sign users in (CLI, benchmarks).</summary>
    public static IServiceCollection AddRenkeiIdentityCore(this IServiceCollection services)
    {
        // Identity's reset tokens are made and used within one process here: ephemeral keys suffice.
        services.TryAddSingleton<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider());
        services.AddIdentityCore<RenkeiUser>(IdentityPolicy.Configure)
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<RenkeiDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddPasswordValidator<CommonPasswordValidator>();
        return services;
    }
}
