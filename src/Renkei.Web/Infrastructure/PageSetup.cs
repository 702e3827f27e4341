namespace Renkei.Web.Infrastructure;

public static class PageSetup
{
    /// <summary>The Razor pages: who may open which without signing in, friendly routes, antiforgery.</summary>
    public static IServiceCollection AddRenkeiPages(this IServiceCollection services, IConfiguration configuration)
    {
        // Japanese text as text: Razor would otherwise write every kana and kanji as &#x…; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
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
                    page.EndpointMetadata.Add(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(Math.Max(WebSetup.MaxRequestBody, attachments.MaxFileBytes + Uploads.MultipartAllowance))));
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
}
