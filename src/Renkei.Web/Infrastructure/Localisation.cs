using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Renkei.Web.Infrastructure;

/// <summary>
/// UI strings, Japanese first and English second, side by side in one resource file
/// (Resources/Strings.json: key → {"ja": …, "en": …}) so a missing translation is visible in
/// review and caught by a test.
/// </summary>
public sealed class StringCatalog
{
    public static readonly string[] Languages = ["ja", "en"];

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _strings;

    public StringCatalog()
    {
        using var stream = typeof(StringCatalog).Assembly.GetManifestResourceStream("Renkei.Web.Strings.json")
            ?? throw new InvalidOperationException("Strings.json is not embedded.");
        var raw = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)
            ?? throw new InvalidOperationException("Strings.json is empty.");
        _strings = raw.ToFrozenDictionary(e => e.Key, e => e.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    public IEnumerable<string> Keys => _strings.Keys;

    public string? Find(string key, string language) =>
        _strings.TryGetValue(key, out var texts) && texts.TryGetValue(language, out var text) ? text : null;

    public static string CurrentLanguage => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "ja";
}

public sealed class CatalogStringLocalizer(StringCatalog catalog) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var text = catalog.Find(name, StringCatalog.CurrentLanguage);
            if (text is not null)
            {
                return new LocalizedString(name, text, resourceNotFound: false);
            }
            // Validation messages of the feature records are English keys of the services' catalog.
            var message = Renkei.Common.Text.T(name);
            return new LocalizedString(name, message, resourceNotFound: !Renkei.Common.Text.Knows(name));
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var found = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, found.Value, arguments), found.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        catalog.Keys.Select(k => this[k]);
}

public sealed class CatalogStringLocalizerFactory(StringCatalog catalog) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => new CatalogStringLocalizer(catalog);

    public IStringLocalizer Create(string baseName, string location) => new CatalogStringLocalizer(catalog);
}

public static class LocalisationSetup
{
    public const string CookieName = ".Renkei.Culture";

    public static IServiceCollection AddRenkeiLocalisation(this IServiceCollection services)
    {
        services.AddSingleton<StringCatalog>();
        services.AddSingleton<IStringLocalizerFactory, CatalogStringLocalizerFactory>();
        services.AddSingleton(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        services.AddSingleton<IStringLocalizer>(sp => new CatalogStringLocalizer(sp.GetRequiredService<StringCatalog>()));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = StringCatalog.Languages.Select(l => new CultureInfo(l)).ToList();
            o.DefaultRequestCulture = new RequestCulture("ja");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // The UI is Japanese unless the user chose English (no Accept-Language guessing);
            // the API is English unless the client asks for Japanese.
            o.RequestCultureProviders = [new ApiCultureProvider(), new CookieRequestCultureProvider { CookieName = CookieName }];
        });
        return services;
    }

    /// <summary>The language this browser chose with the switch, if any.</summary>
    public static string? ChosenLanguage(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(CookieName, out var value) || value is null)
        {
            return null;
        }
        var culture = CookieRequestCultureProvider.ParseCookieValue(value)?.UICultures.FirstOrDefault().Value;
        return culture is not null && StringCatalog.Languages.Contains(culture) ? culture : null;
    }

    public static void Remember(HttpResponse response, string language) =>
        response.Cookies.Append(CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)), new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1),
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
        });
}

/// <summary>API requests: English, or Japanese when the client sends Accept-Language: ja.</summary>
public sealed class ApiCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        if (!Paths.IsMachine(httpContext.Request.Path))
        {
            return NullProviderCultureResult;
        }
        var accept = httpContext.Request.Headers.AcceptLanguage.ToString();
        var language = accept.TrimStart().StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? "ja" : "en";
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(language));
    }
}
