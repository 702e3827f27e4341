namespace Renkei.Web.Taxii;

public static class TaxiiPaths
{
    public static bool Is(PathString path) => path.StartsWithSegments("/taxii2", StringComparison.OrdinalIgnoreCase);
}
