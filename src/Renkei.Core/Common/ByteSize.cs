using System.Globalization;

namespace Renkei.Common;

public static class ByteSize
{
    /// <summary>A size as people say it: "10 MB", "1.5 MB", "512 KB", "900 bytes".</summary>
    public static string Describe(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
