using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Renkei.Access;
using Renkei.Advisories;
using Renkei.Assessments;
using Renkei.Audit;
using Renkei.ContactChecks;
using Renkei.Correlation;
using Renkei.Directory;
using Renkei.Guideline;
using Renkei.Identity;
using Renkei.Interdependency;
using Renkei.Notices;
using Renkei.Notifications;
using Renkei.Presets;
using Renkei.ReferenceData;
using Renkei.Reports;
using Renkei.Standards;
using Renkei.Stix;
using Renkei.Storage;
using Renkei.Taxii;
using Renkei.Webhooks;

namespace Renkei;

/// <summary>The features every host (web, CLI, tests, benchmarks) registers; each feature owns its services and options.</summary>
public static class CoreServices
{
    public static IServiceCollection AddRenkeiCore(this IServiceCollection services, DatabaseSettings settings)
    {
        // Options bind from the host's configuration; a host without one (a test's provider) gets the defaults.
        services.TryAddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddRenkeiStorage(settings);
        services.AddAccess();
        services.AddAudit();
        services.AddReferenceData();
        services.AddDirectory();
        services.AddAccounts();
        services.AddNotices();
        services.AddNotifications();
        services.AddReports();
        services.AddAdvisories();
        services.AddWebhooks();
        services.AddPresets();
        services.AddAssessments();
        services.AddStandards();
        services.AddGuideline();
        services.AddContactChecks();
        services.AddInterdependency();
        services.AddStix();
        services.AddTaxii();
        services.AddCorrelation();
        services.AddScoped<PlatformInitialiser>();
        return services;
    }
}
