using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Renkei.Access;
using Renkei.Audit;
using Renkei.ContactChecks;
using Renkei.Directory;
using Renkei.Directory.Csv;
using Renkei.Identity;
using Renkei.Notices;
using Renkei.Notifications;
using Renkei.ReferenceData;
using Renkei.Storage;

namespace Renkei;

/// <summary>The feature services every host (web, CLI, tests, benchmarks) registers.</summary>
public static class CoreServices
{
    public static IServiceCollection AddRenkeiCore(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddRenkeiStorage(settings);
        services.AddScoped<AccessPolicy>();
        services.AddScoped<CallerLoader>();
        services.AddScoped<AudienceBuilder>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<ReferenceDataEditor>();
        services.AddScoped<DirectoryQueries>();
        services.AddScoped<OrganisationService>();
        services.AddScoped<ContactService>();
        services.AddScoped<MembershipService>();
        services.AddScoped<CeptoarRecipientService>();
        services.AddScoped<OrganisationCsv>();
        services.AddScoped<UserCsv>();
        services.AddScoped<ApiTokenService>();
        services.AddScoped<ApiTokenQueries>();
        services.AddScoped<UserAdminService>();
        services.AddScoped<RoleCatalog>();
        services.AddScoped<AdminBootstrap>();
        services.AddScoped<NoticeService>();
        services.AddScoped<PlatformInitialiser>();
        services.AddScoped<Reports.ReportValidator>();
        services.AddScoped<Reports.RoutePlanner>();
        services.AddScoped<Reports.ReportQueries>();
        services.AddScoped<Reports.ReportService>();
        services.AddScoped<Reports.ReportAssessor>();
        services.AddScoped<Reports.ReportRuleEditor>();
        services.AddScoped<Reports.ReportThread>();
        services.AddScoped<Reports.IncidentService>();
        services.AddScoped<Reports.ReportStatistics>();
        services.AddScoped<Reports.AlertLevelQueries>();
        services.AddNotificationComposer<Reports.ReportNotifications>();
        services.AddScoped<Reports.ReportExport>();
        services.AddSingleton<Notifications.NotificationSignal>();
        services.AddScoped<Notifications.NotificationDispatcher>();
        services.AddScoped<Notifications.NotificationService>();
        services.AddOptions<Notifications.MailOptions>();
        services.AddOptions<Advisories.AdvisoryOptions>();
        services.AddOptions<Webhooks.WebhookOptions>();
        services.AddOptions<Taxii.Feeds.TaxiiFeedOptions>();
        services.AddSingleton<Taxii.Feeds.TaxiiFeedSignal>();
        services.AddSingleton<Taxii.Feeds.TaxiiFeedClient>();
        services.AddScoped<Reports.ReportAttachments>();
        services.AddScoped<Advisories.AdvisoryService>();
        services.AddScoped<Advisories.AdvisoryReceipts>();
        services.AddScoped<Access.AdvisoryRemit>();
        services.AddNotificationComposer<Advisories.AdvisoryNotifications>();
        services.AddScoped<Advisories.AdvisoryRelay>();
        services.AddScoped<Advisories.AdvisoryEscalation>();
        services.AddScoped<Webhooks.WebhookService>();
        services.AddScoped<Interdependency.Scenarios.ScenarioService>();
        services.AddScoped<Interdependency.Scenarios.DirectoryNodes>();
        services.AddScoped<Stix.StixStore>();
        services.AddScoped<Stix.StixImporter>();
        services.AddScoped<Stix.StixExporter>();
        services.AddScoped<Stix.AdvisoryStixBackfill>();
        services.AddScoped<Stix.ReportStix>();
        services.AddScoped<Stix.IncidentStix>();
        services.AddScoped<Stix.IndicatorSetQueries>();
        services.AddScoped<Taxii.TaxiiCollections>();
        services.AddScoped<Taxii.TaxiiObjects>();
        services.AddScoped<Taxii.Feeds.TaxiiFeedService>();
        services.AddScoped<Taxii.Feeds.TaxiiFeedPuller>();
        services.AddScoped<Correlation.IndicatorOccurrences>();
        services.AddScoped<Correlation.CorrelationBackfill>();
        services.AddScoped<Correlation.CorrelationQueries>();
        services.AddContactChecks();
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
