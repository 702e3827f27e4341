using System.Security.Cryptography;
using System.Text;

namespace Renkei.ContactChecks;

/// <summary>
/// The secret in a confirmation link: 256 random bits, URL-safe. Only its SHA-256 is kept with the
/// target, so the targets table (and its backups) cannot be turned back into working links.
/// </summary>
public static class ConfirmationToken
{
    /// <summary>Anything longer is not a token of ours and is not hashed.</summary>
    public const int MaxLength = 64;

    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
