using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Renkei.Storage;
using Renkei.Web.Identity;
using Renkei.Web.Taxii;

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
        services.AddRequestLimits();
        services.AddApiConventions();
        services.AddRenkeiLocalisation();
        services.AddDataProtectionKeys(configuration);
        services.AddRenkeiPages(configuration);
        services.AddTaxiiServer(configuration);
        return services;
    }

    /// <summary>Kestrel's body ceiling and headers; per-endpoint limits lower it (RequestSizeGuard).</summary>
    private static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestBodySize = MaxRequestBody;
            o.AddServerHeader = false;
        });
        return services;
    }

    /// <summary>Session cookies and antiforgery tokens survive restarts: keys live with the data.</summary>
    private static IServiceCollection AddDataProtectionKeys(this IServiceCollection services, IConfiguration configuration)
    {
        var keys = new DirectoryInfo(Path.Combine(DatabaseSettings.DataDirectory(configuration), "keys"));
        keys.Create();
        services.AddDataProtection().SetApplicationName("Renkei").PersistKeysToFileSystem(keys);
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
