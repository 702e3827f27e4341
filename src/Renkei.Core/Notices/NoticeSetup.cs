using Microsoft.Extensions.DependencyInjection;

namespace Renkei.Notices;

public static class NoticeSetup
{
    public static IServiceCollection AddNotices(this IServiceCollection services)
    {
        services.AddScoped<NoticeService>();
        return services;
    }
}
