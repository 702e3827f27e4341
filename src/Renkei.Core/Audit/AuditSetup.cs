using Microsoft.Extensions.DependencyInjection;

namespace Renkei.Audit;

public static class AuditSetup
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<AuditQueries>();
        return services;
    }
}
