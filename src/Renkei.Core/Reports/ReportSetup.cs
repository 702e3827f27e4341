using Microsoft.Extensions.DependencyInjection;
using Renkei.Notifications;

namespace Renkei.Reports;

public static class ReportSetup
{
    /// <summary>Reports up the chain (情報連絡): intake, routes, desks, severity, threads, incidents, statistics, attachments.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ReportValidator>();
        services.AddScoped<RoutePlanner>();
        services.AddScoped<ReportQueries>();
        services.AddScoped<ReportService>();
        services.AddScoped<ReportAssessor>();
        services.AddScoped<ReportRuleEditor>();
        services.AddScoped<ReportThread>();
        services.AddScoped<IncidentService>();
        services.AddScoped<ReportStatistics>();
        services.AddScoped<AlertLevelQueries>();
        services.AddScoped<ReportExport>();
        services.AddScoped<ReportAttachments>();
        services.AddNotificationComposer<ReportNotifications>();
        return services;
    }
}
