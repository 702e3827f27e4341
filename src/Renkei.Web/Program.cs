using Renkei;
using Renkei.Storage;
using Renkei.Web.Advisories;
using Renkei.Web.Assessments;
using Renkei.Web.Audit;
using Renkei.Web.ContactChecks;
using Renkei.Web.Correlation;
using Renkei.Web.Directory;
using Renkei.Web.Guideline;
using Renkei.Web.Health;
using Renkei.Web.Identity;
using Renkei.Web.Infrastructure;
using Renkei.Web.Interdependency;
using Renkei.Web.Notices;
using Renkei.Web.Notifications;
using Renkei.Web.Presets;
using Renkei.Web.Reports;
using Renkei.Web.Standards;
using Renkei.Web.Stix;
using Renkei.Web.Taxii;
using Renkei.Web.Webhooks;

var builder = WebApplication.CreateBuilder(args);

var database = DatabaseSettings.FromConfiguration(builder.Configuration);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddRenkeiCore(database);
builder.Services.AddRenkeiAuthentication(builder.Configuration);
builder.Services.AddRenkeiWeb(builder.Configuration);

var app = builder.Build();

if (!await app.InitialisePlatformAsync(database))
{
    return;
}

app.UseRenkeiPipeline();
app.MapHealthEndpoints();
app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization();

var api = app.MapApiV1();
api.MapMeEndpoints();
api.MapSectorEndpoints();
api.MapCeptoarEndpoints();
api.MapSectorSetEndpoints();
api.MapOrganisationEndpoints();
api.MapUserEndpoints();
api.MapImportExportEndpoints();
api.MapNoticeEndpoints();
api.MapReportEndpoints();
api.MapAttachmentEndpoints();
api.MapReportRuleEndpoints();
api.MapReportMessageEndpoints();
api.MapIncidentEndpoints();
api.MapStatisticsEndpoints();
api.MapNotificationEndpoints();
api.MapAdvisoryEndpoints();
api.MapContentPresetEndpoints();
api.MapAssessmentEndpoints();
api.MapSafetyStandardEndpoints();
api.MapGuidelineEndpoints();
api.MapWebhookEndpoints();
api.MapContactCheckEndpoints();
api.MapInterdependencyEndpoints();
api.MapStixEndpoints();
api.MapTaxiiFeedEndpoints();
api.MapCorrelationEndpoints();
api.MapAuditEndpoints();

app.MapTaxiiEndpoints();
app.MapPublicFeed();
app.MapRazorPages();

await app.RunAsync();

/// <summary>The web host's entry point (public for WebApplicationFactory).</summary>
public partial class Program;
