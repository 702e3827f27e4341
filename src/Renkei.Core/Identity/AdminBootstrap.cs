using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.Identity;

/// <summary>
/// Creates the first platform administrator from the environment, idempotently:
/// <c>RENKEI_ADMIN_EMAIL</c> (default admin@renkei.local), <c>RENKEI_ADMIN_PASSWORD</c> (generated
/// and printed once if unset) and <c>RENKEI_ADMIN_TOKEN</c> (an API token for automation).
/// </summary>
/// <remarks>
/// An existing administrator is never changed: re-running with another password does not reset
/// it, and a token an admin revoked is not brought back. The administrator belongs to the national
/// centre (reference organisation "nisc"), which is what makes an admin a platform admin.
/// </remarks>
public sealed class AdminBootstrap(
    RenkeiDbContext db,
    UserManager<RenkeiUser> users,
    ApiTokenService tokens,
    TimeProvider time,
    ILogger<AdminBootstrap> logger)
{
    public const string DefaultEmail = "admin@renkei.local";
    public const string NationalCentreCode = "nisc";
    public const int MinimumTokenLength = 32;

    public async Task RunAsync(IConfiguration configuration, TextWriter console, CancellationToken ct = default)
    {
        var email = configuration["RENKEI_ADMIN_EMAIL"] is { Length: > 0 } e ? e.Trim() : DefaultEmail;
        var password = configuration["RENKEI_ADMIN_PASSWORD"];
        var tokenSecret = configuration["RENKEI_ADMIN_TOKEN"];

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = await CreateAsync(email, password, console, ct);
        }
        else if (!await users.IsInRoleAsync(user, RoleCatalog.NameOf(Role.Admin)))
        {
            logger.LogWarning("RENKEI_ADMIN_EMAIL {Email} exists but is not an admin; it was left unchanged", email);
        }

        if (!string.IsNullOrEmpty(tokenSecret))
        {
            await EnsureTokenAsync(user, tokenSecret, ct);
        }
    }

    private async Task<RenkeiUser> CreateAsync(string email, string? password, TextWriter console, CancellationToken ct)
    {
        var centre = await db.Organisations.FirstOrDefaultAsync(o => o.Code == NationalCentreCode, ct)
            ?? throw new InvalidOperationException("The national centre (organisation code 'nisc') is missing: seed the reference data first.");
        var generated = string.IsNullOrEmpty(password);
        var secret = generated ? PasswordGenerator.Generate() : password!;
        var user = new RenkeiUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Renkei administrator",
            OrganisationId = centre.Id,
            CreatedAt = Clock.UtcNow(time),
            // A password that went through a console should not stay in use.
            MustChangePassword = generated,
        };
        var result = await users.CreateAsync(user, secret);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not create the administrator " + email + ": " + string.Join("; ", result.Errors.Select(x => x.Description)));
        }
        await users.AddToRoleAsync(user, RoleCatalog.NameOf(Role.Admin));
        logger.LogInformation("Created the platform administrator {Email}", email);
        if (generated)
        {
            await console.WriteLineAsync(
                $"""

                ================================================================
                 Renkei platform administrator created (shown once):
                   e-mail:   {email}
                   password: {secret}
                 You will be asked to choose a new password at first sign-in.
                ================================================================

                """);
        }
        return user;
    }

    private async Task EnsureTokenAsync(RenkeiUser user, string secret, CancellationToken ct)
    {
        if (secret.Length < MinimumTokenLength)
        {
            throw new InvalidOperationException($"RENKEI_ADMIN_TOKEN must be at least {MinimumTokenLength} characters long.");
        }
        var hash = ApiTokenService.Hash(secret);
        var existing = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.SecretHash == hash, ct);
        if (existing is null)
        {
            await tokens.StoreAsync(user.Id, "RENKEI_ADMIN_TOKEN", secret, ApiTokenService.MaxLifetimeDays, ct);
            logger.LogInformation("Registered RENKEI_ADMIN_TOKEN for {Email}", user.Email);
        }
        else if (existing.UserId != user.Id)
        {
            throw new InvalidOperationException("RENKEI_ADMIN_TOKEN is already a token of another user.");
        }
        else if (existing.RevokedAt is not null || existing.ExpiresAt <= Clock.UtcNow(time))
        {
            logger.LogWarning("RENKEI_ADMIN_TOKEN was revoked or has expired; it is not renewed. Set a new value to register a new token");
        }
    }
}
