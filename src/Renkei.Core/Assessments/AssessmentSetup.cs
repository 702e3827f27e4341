using Microsoft.Extensions.DependencyInjection;
using Renkei.Notifications;

namespace Renkei.Assessments;

public static class AssessmentSetup
{
    /// <summary>The assessment engine: frameworks, campaigns, responses and protected aggregates.</summary>
    public static IServiceCollection AddAssessments(this IServiceCollection services)
    {
        services.AddOptions<AssessmentOptions>().BindConfiguration(AssessmentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AssessmentService>();
        services.AddScoped<AssessmentAggregates>();
        services.AddScoped<PenetrationSurveySeeder>();
        services.AddScoped<GoodPractices>();
        services.AddScoped<EvidenceFiles>();
        services.AddNotificationComposer<AssessmentNotifications>();
        return services;
    }
}
