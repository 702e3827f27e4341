using Microsoft.Extensions.DependencyInjection;
using Renkei.Directory.Csv;

namespace Renkei.Directory;

public static class DirectorySetup
{
    /// <summary>Organisations, points of contact, CEPTOAR and community memberships, and their CSV import/export.</summary>
    public static IServiceCollection AddDirectory(this IServiceCollection services)
    {
        services.AddScoped<DirectoryQueries>();
        services.AddScoped<OrganisationService>();
        services.AddScoped<ContactService>();
        services.AddScoped<MembershipService>();
        services.AddScoped<CeptoarRecipientService>();
        services.AddScoped<OrganisationCsv>();
        services.AddScoped<UserCsv>();
        return services;
    }
}
