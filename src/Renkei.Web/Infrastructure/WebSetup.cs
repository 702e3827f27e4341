using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Renkei.Storage;
using Renkei.Web.Identity;

namespace Renkei.Web.Infrastructure;

public static class WebSetup
{
    /// <summary>Hard ceiling for any request body (CSV imports are the largest).</summary>
    public const long MaxRequestBody = Renkei.Directory.Csv.CsvFile.MaxBytes + 64 * 1024;

    public static IServiceCollection AddRenkeiWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<RequestCaller>();
        services.AddScoped<Pages.Account.SignInEvents>();
        services.AddOptions<Renkei.Web.Taxii.TaxiiOptions>().Bind(configuration.GetSection("Renkei:Taxii"));
        services.AddOptions<Renkei.Taxii.Feeds.TaxiiFeedOptions>().Bind(configuration.GetSection("Renkei:TaxiiFeeds"))
            .Validate(o => o.Poll > TimeSpan.Zero && o.Timeout > TimeSpan.Zero && o.RetryDelay >= TimeSpan.Zero, "Renkei:TaxiiFeeds:Poll, Timeout and RetryDelay must be positive durations.")
            .Validate(o => o.Retries >= 0 && o.PageLimit is > 0 and <= 10_000 && o.MaxPagesPerRun > 0 && o.BatchObjects > 0 && o.MaxPageBytes > 0 && o.RunsKept > 0,
                "Renkei:TaxiiFeeds: Retries must not be negative; PageLimit (at most 10000), MaxPagesPerRun, BatchObjects, MaxPageBytes and RunsKept must be positive.")
            .Validate(o => o.Lease > o.Timeout * (o.Retries + 1) * 2, "Renkei:TaxiiFeeds:Lease must be well over a run's requests (Timeout × attempts), or a slow run could be taken twice.")
            .ValidateOnStart();
        services.AddHostedService<Renkei.Taxii.Feeds.TaxiiFeedWorker>();
        services.AddOptions<Renkei.Reports.AttachmentOptions>().Bind(configuration.GetSection(Renkei.Reports.AttachmentOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.Configure<JsonOptions>(o => ApiJson.Configure(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestBodySize = MaxRequestBody;
            o.AddServerHeader = false;
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
            Uploads.NameField(context.HttpContext, context.ProblemDetails);
        });
        services.AddExceptionHandler<BadInputExceptionHandler>();
        services.AddRenkeiLocalisation();
        // Japanese text as text: Razor would otherwise write every kana and kanji as &#x…; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Renkei API";
            document.Info.Description = "Renkei (連携): the coordination platform of Japan's critical-infrastructure cybersecurity community. " +
                "Authenticate with 'Authorization: Bearer <API token>'. Errors are RFC 7807 problem details.";
            return Task.CompletedTask;
        }));

        // Session cookies and antiforgery tokens survive restarts: keys live with the data.
        var keys = new DirectoryInfo(Path.Combine(DatabaseSettings.DataDirectory(configuration), "keys"));
        keys.Create();
        services.AddDataProtection().SetApplicationName("Renkei").PersistKeysToFileSystem(keys);

        services.AddRazorPages(o =>
            {
                // Every page requires sign-in unless it says otherwise here.
                o.Conventions.AuthorizeFolder("/");
                o.Conventions.AllowAnonymousToPage("/Account/Login");
                o.Conventions.AllowAnonymousToPage("/Account/LoginWith2fa");
                o.Conventions.AllowAnonymousToPage("/Account/LoginWithRecoveryCode");
                o.Conventions.AllowAnonymousToPage("/Account/Logout");
                o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
                o.Conventions.AllowAnonymousToPage("/Language");
                // The public portal: TLP:CLEAR advisories, read with no caller through the sharing policy.
                o.Conventions.AllowAnonymousToPage("/Public/Index");
                o.Conventions.AllowAnonymousToPage("/Public/Advisory");
                // A point of contact's one-click confirmation: the link's secret is the proof, and a GET changes nothing.
                o.Conventions.AllowAnonymousToPage("/ContactChecks/Confirm");
                o.Conventions.AddPageRoute("/Admin/OrganisationEdit", "/Admin/Organisations/{id:guid}/Edit");
                o.Conventions.AddPageRoute("/Admin/UserEdit", "/Admin/Users/{id:guid}");
                o.Conventions.AddPageRoute("/Admin/CommunityEdit", "/Admin/Communities/{code}");
                o.Conventions.AddPageRoute("/Notices/Edit", "/Notices/{id:guid}/Edit");
                o.Conventions.AddPageRoute("/Reports/Edit", "/Reports/{id:guid}/Edit");
                // The report page takes attachments: its bodies may be as large as the API's uploads.
                var attachments = configuration.GetSection(Renkei.Reports.AttachmentOptions.Section).Get<Renkei.Reports.AttachmentOptions>() ?? new();
                o.Conventions.AddPageApplicationModelConvention("/Reports/Detail", page =>
                    page.EndpointMetadata.Add(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(Math.Max(MaxRequestBody, attachments.MaxFileBytes + Uploads.MultipartAllowance))));
            })
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(StringCatalog)));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "renkei.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__af";
        });
        return services;
    }

    public static WebApplication UseRenkeiPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (Paths.IsMachine(http.Request.Path) || http.Request.Path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase))
            {
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http });
            }
            else
            {
                await ErrorPages.WriteAsync(http, http.Response.StatusCode);
            }
        });
        app.UseMiddleware<SecurityHeaders>();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseMiddleware<RequestSizeGuard>();
        app.UseAuthentication();
        app.UseMiddleware<CallerMiddleware>();
        app.UseMiddleware<AccountGuardMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }
}
