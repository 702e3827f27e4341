namespace Renkei.Web.Infrastructure;

public static class Paths
{
    /// <summary>Requests from programs: they get status codes and problem details, never redirects to HTML pages.</summary>
    public static bool IsMachine(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || Taxii.TaxiiPaths.Is(path)
        || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    public static bool IsStatic(PathString path) =>
        path.StartsWithSegments("/css", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/js", StringComparison.OrdinalIgnoreCase);
}
