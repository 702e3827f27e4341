using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renkei.Access;
using Renkei.Audit;
using Renkei.Common;
using Renkei.Identity;
using Renkei.Storage;

namespace Renkei.Webhooks;

/// <summary>Webhooks (Renkei:Webhooks).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Renkei:Webhooks";

    /// <summary>Allow plain http:// endpoints (tests on loopback only; production endpoints are https).</summary>
    public bool AllowHttp { get; set; }

    /// <summary>Allow loopback and private-network addresses (tests only: otherwise an organisation could aim the platform at its own network).</summary>
    public bool AllowPrivateNetworks { get; set; }

    public int MaxAttempts { get; set; } = 10;
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a host holds a call it is making before another may take it (see <see cref="Notifications.MailOptions.Lease"/>); longer than <see cref="Timeout"/>.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
}

public sealed record WebhookInput
{
    [Required(ErrorMessage = "is required"), MaxLength(WebhookService.MaxUrl, ErrorMessage = "must be at most 500 characters")]
    public string? Url { get; init; }

    [MaxLength(200, ErrorMessage = "must be at most 200 characters")]
    public string? Description { get; init; }
}

public sealed record WebhookView(Guid Id, string Url, string? Description, DateTime CreatedAt, DateTime? DisabledAt, int Pending, int Failed, DateTime? LastSentAt);

/// <summary>A new subscription with its signing secret, shown this once.</summary>
public sealed record WebhookCreated(WebhookView Webhook, string Secret);

/// <summary>An organisation's admins register the endpoints Renkei calls for what reaches the organisation.</summary>
public sealed class WebhookService(RenkeiDbContext db, IDataProtectionProvider protection, IOptions<WebhookOptions> options, AuditTrail audit, TimeProvider time)
{
    public const int MaxUrl = 500;
    private const string Purpose = "Renkei.Webhooks.Secret";

    public static bool MayManage(Caller c) => c.Has(Role.Admin);

    public async Task<List<WebhookView>> ListAsync(Caller caller, CancellationToken ct = default)
    {
        var org = caller.OrganisationId;
        return await db.WebhookSubscriptions.AsNoTracking().Where(s => s.OrganisationId == org).OrderBy(s => s.CreatedAt)
            .Select(s => new WebhookView(s.Id, s.Url, s.Description, s.CreatedAt, s.DisabledAt,
                db.OutboundWebhooks.Count(w => w.SubscriptionId == s.Id && w.SentAt == null && w.FailedAt == null),
                db.OutboundWebhooks.Count(w => w.SubscriptionId == s.Id && w.FailedAt != null),
                db.OutboundWebhooks.Where(w => w.SubscriptionId == s.Id).Max(w => w.SentAt)))
            .ToListAsync(ct);
    }

    public async Task<Result<WebhookCreated>> CreateAsync(Caller caller, WebhookInput input, CancellationToken ct = default)
    {
        if (!MayManage(caller))
        {
            return Problem.Forbidden("Only the organisation's admins manage webhooks.");
        }
        var errors = InputValidation.Validate(input);
        if (errors.Count == 0 && CheckUrl(input.Url!, options.Value) is { } reason)
        {
            InputValidation.Add(errors, "url", reason);
        }
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(),
            OrganisationId = caller.OrganisationId,
            Url = input.Url!.Trim(),
            Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim(),
            ProtectedSecret = protection.CreateProtector(Purpose).Protect(secret),
            CreatedByUserId = caller.UserId,
            CreatedAt = Clock.UtcNow(time),
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return new WebhookCreated(new WebhookView(subscription.Id, subscription.Url, subscription.Description, subscription.CreatedAt, null, 0, 0, null), secret);
    }

    /// <summary>Stops calls to an endpoint; what is queued for it is dropped with it.</summary>
    public async Task<Result<bool>> DeleteAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        if (!MayManage(caller))
        {
            return Problem.Forbidden("Only the organisation's admins manage webhooks.");
        }
        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id && s.OrganisationId == caller.OrganisationId, ct);
        if (subscription is null)
        {
            return Problem.NotFound("The webhook");
        }
        db.WebhookSubscriptions.Remove(subscription);
        await audit.RecordAsync("delete", "webhook_subscriptions", id.ToString("D"), new { subscription.Url }, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The signing secret, for the sender.</summary>
    public string Secret(WebhookSubscription subscription) => protection.CreateProtector(Purpose).Unprotect(subscription.ProtectedSecret);

    /// <summary>Why a URL may not be called, or null. The sender checks the address it connects to again (names can resolve anywhere).</summary>
    public static string? CheckUrl(string url, WebhookOptions options) => OutboundHttp.CheckUrl(url, options.AllowHttp, options.AllowPrivateNetworks);
}
