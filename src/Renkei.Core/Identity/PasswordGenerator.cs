using System.Security.Cryptography;

namespace Renkei.Identity;

/// <summary>One-time passwords for new accounts and admin resets: 20 characters without look-alikes (0/O, 1/l).</summary>
public static class PasswordGenerator
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string Generate() => string.Create(20, Alphabet, (span, chars) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = chars[RandomNumberGenerator.GetInt32(chars.Length)];
        }
    });
}
