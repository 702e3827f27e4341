using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renkei.Access;
using Renkei.Audit;
using Renkei.Common;
using Renkei.Identity;
using Renkei.Stix;
using Renkei.Storage;

namespace Renkei.Taxii.Feeds;

public sealed record TaxiiFeedInput
{
    [Required(ErrorMessage = "is required"), MaxLength(200, ErrorMessage = "must be at most 200 characters")]
    public string? Name { get; init; }

    [Required(ErrorMessage = "is required"), MaxLength(TaxiiFeedService.MaxUrl, ErrorMessage = "must be at most 500 characters")]
    public string? ApiRootUrl { get; init; }

    [Required(ErrorMessage = "is required"), MaxLength(200, ErrorMessage = "must be at most 200 characters")]
    public string? CollectionId { get; init; }

    [Required(ErrorMessage = "is required")]
    public TaxiiFeedAuth? Auth { get; init; }

    [MaxLength(254, ErrorMessage = "must be at most 254 characters")]
    public string? Username { get; init; }

    /// <summary>Password or token; left out on an update, the stored one is kept.</summary>
    [MaxLength(2000, ErrorMessage = "must be at most 2000 characters")]
    public string? Secret { get; init; }

    [Required(ErrorMessage = "is required")]
    public Tlp? Tlp { get; init; }

    public IReadOnlyList<AudienceEntry>? Audience { get; init; }

    [Required(ErrorMessage = "is required"), Range(TaxiiFeedService.MinInterval, TaxiiFeedService.MaxInterval, ErrorMessage = "must be between 5 and 10080 minutes")]
    public int? IntervalMinutes { get; init; }

    public bool? Enabled { get; init; }

    /// <summary>The version being edited (updates only).</summary>
    public int? Version { get; init; }
}

public sealed record TaxiiFeedView(
    Guid Id, string Name, string ApiRootUrl, string CollectionId, TaxiiFeedAuth Auth, string? Username, bool HasSecret,
    Tlp Tlp, IReadOnlyList<AudienceEntryView> Audience, int IntervalMinutes, bool Enabled, string ActingUser,
    string? Checkpoint, DateTime NextRunAt, bool Running, DateTime? LastAttemptAt, DateTime? LastSuccessAt, string? LastError,
    int ConsecutiveFailures, long ObjectsReceived, long ObjectsAdded, DateTime CreatedAt, DateTime UpdatedAt, int Version);

public sealed record TaxiiFeedRunView(
    DateTime StartedAt, DateTime FinishedAt, TaxiiFeedRunOutcome Outcome, int Pages, int Requests, int ObjectsReceived, int ObjectsAdded,
    int SetsCreated, string? CheckpointBefore, string? CheckpointAfter, string? Error);

public sealed record TaxiiFeedDetail(TaxiiFeedView Feed, IReadOnlyList<TaxiiFeedRunView> Runs);

/// <summary>
/// An organisation's admins configure the partner TAXII collections Renkei pulls for it: where,
/// with which credentials, how often, and with whom what arrives is shared.
/// </summary>
public sealed class TaxiiFeedService(
    RenkeiDbContext db,
    AudienceBuilder audiences,
    StixImporter importer,
    IDataProtectionProvider protection,
    IOptions<TaxiiFeedOptions> options,
    TaxiiFeedSignal signal,
    AuditTrail audit,
    TimeProvider time)
{
    public const int MaxUrl = 500;
    public const int MinInterval = 5;
    public const int MaxInterval = 7 * 24 * 60;
    private const string Purpose = "Renkei.TaxiiFeeds.Secret";

    public static bool MayManage(Caller c) => c.Has(Role.Admin);

    public async Task<List<TaxiiFeedView>> ListAsync(Caller caller, CancellationToken ct = default)
    {
        var feeds = await Feeds(caller).AsNoTracking().OrderBy(f => f.Name).ToListAsync(ct);
        var views = new List<TaxiiFeedView>(feeds.Count);
        foreach (var feed in feeds)
        {
            views.Add(await ViewAsync(feed, ct));
        }
        return views;
    }

    public async Task<TaxiiFeedDetail?> GetAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        var feed = await Feeds(caller).AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (feed is null)
        {
            return null;
        }
        var runs = await db.TaxiiFeedRuns.AsNoTracking().Where(r => r.FeedId == id).OrderByDescending(r => r.StartedAt).Take(options.Value.RunsKept).ToListAsync(ct);
        return new TaxiiFeedDetail(await ViewAsync(feed, ct), runs.Select(r => new TaxiiFeedRunView(
            r.StartedAt, r.FinishedAt, r.Outcome, r.Pages, r.Requests, r.ObjectsReceived, r.ObjectsAdded, r.SetsCreated, r.CheckpointBefore, r.CheckpointAfter, r.Error)).ToList());
    }

    public async Task<Result<TaxiiFeedView>> CreateAsync(Caller caller, TaxiiFeedInput input, CancellationToken ct = default)
    {
        if (!MayManage(caller))
        {
            return Problem.Forbidden("Only the organisation's admins manage partner feeds.");
        }
        var now = Clock.UtcNow(time);
        var feed = new TaxiiFeed { Id = Guid.CreateVersion7(), OrganisationId = caller.OrganisationId, CreatedAt = now, NextRunAt = now, Version = 1 };
        var applied = await ApplyAsync(caller, feed, input, creating: true, ct);
        if (applied is not null)
        {
            return applied;
        }
        db.TaxiiFeeds.Add(feed);
        await db.SaveChangesAsync(ct);
        signal.FeedDue();
        return await ViewAsync(feed, ct);
    }

    public async Task<Result<TaxiiFeedView>> UpdateAsync(Caller caller, Guid id, TaxiiFeedInput input, CancellationToken ct = default)
    {
        if (!MayManage(caller))
        {
            return Problem.Forbidden("Only the organisation's admins manage partner feeds.");
        }
        var feed = await Feeds(caller).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (feed is null)
        {
            return Problem.NotFound("The feed");
        }
        if (input.Version is null)
        {
            return Problem.Invalid("version", "is required: send the version you are editing");
        }
        if (input.Version != feed.Version)
        {
            return Problem.StaleVersion(input.Version.Value, feed.Version);
        }
        var oldAudience = feed.AudienceId;
        var applied = await ApplyAsync(caller, feed, input, creating: false, ct);
        if (applied is not null)
        {
            return applied;
        }
        feed.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.Conflict("The feed was changed by someone else at the same time. Reload it and apply your change again.");
        }
        if (oldAudience != feed.AudienceId)
        {
            await db.Audiences.Where(a => a.Id == oldAudience).ExecuteDeleteAsync(ct);
        }
        return await ViewAsync(feed, ct);
    }

    /// <summary>Stops pulling. What the feed brought stays: it was shared, and others may rely on it.</summary>
    public async Task<Result<bool>> DeleteAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        if (!MayManage(caller))
        {
            return Problem.Forbidden("Only the organisation's admins manage partner feeds.");
        }
        var feed = await Feeds(caller).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (feed is null)
        {
            return Problem.NotFound("The feed");
        }
        db.TaxiiFeeds.Remove(feed);
        await db.SaveChangesAsync(ct);
        await db.Audiences.Where(a => a.Id == feed.AudienceId).ExecuteDeleteAsync(ct);
        return true;
    }

    /// <summary>Makes the feed due now; the worker pulls it within moments.</summary>
    public async Task<Result<TaxiiFeedView>> PullNowAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        if (!MayManage(caller))
        {
            return Problem.Forbidden("Only the organisation's admins manage partner feeds.");
        }
        var feed = await Feeds(caller).AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (feed is null)
        {
            return Problem.NotFound("The feed");
        }
        if (!feed.Enabled)
        {
            return Problem.Conflict("The feed is paused: enable it first.");
        }
        var now = Clock.UtcNow(time);
        await db.TaxiiFeeds.Where(f => f.Id == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.NextRunAt, now), ct);
        await audit.RecordAsync("pull", "taxii_feeds", id.ToString("D"), new { feed.Name }, ct);
        signal.FeedDue();
        feed.NextRunAt = now;
        return await ViewAsync(feed, ct);
    }

    /// <summary>The feed's password or token, for the puller.</summary>
    public string? Secret(TaxiiFeed feed) => feed.ProtectedSecret is null ? null : protection.CreateProtector(Purpose).Unprotect(feed.ProtectedSecret);

    /// <summary>An organisation's feeds are its admins' business only.</summary>
    private IQueryable<TaxiiFeed> Feeds(Caller caller) =>
        MayManage(caller) ? db.TaxiiFeeds.Where(f => f.OrganisationId == caller.OrganisationId) : db.TaxiiFeeds.Where(f => false);

    /// <summary>Validates the input and applies it to the feed; the problem, or null when applied.</summary>
    private async Task<Problem?> ApplyAsync(Caller caller, TaxiiFeed feed, TaxiiFeedInput input, bool creating, CancellationToken ct)
    {
        var errors = InputValidation.Validate(input);
        var url = input.ApiRootUrl?.Trim() ?? "";
        if (url.Length > 0 && !url.EndsWith('/'))
        {
            url += "/";
        }
        if (!errors.ContainsKey("apiRootUrl") && OutboundHttp.CheckUrl(url, options.Value.AllowHttp, options.Value.AllowPrivateNetworks) is { } reason)
        {
            InputValidation.Add(errors, "apiRootUrl", reason);
        }
        else if (!errors.ContainsKey("apiRootUrl") && (url.Contains('?', StringComparison.Ordinal) || url.Contains('#', StringComparison.Ordinal)))
        {
            InputValidation.Add(errors, "apiRootUrl", "must not carry a query or fragment");
        }
        var collection = input.CollectionId?.Trim() ?? "";
        if (!errors.ContainsKey("collectionId") && collection.Any(c => c is '/' or '?' or '#' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            InputValidation.Add(errors, "collectionId", "must be a collection id as the server lists it (no slashes or spaces)");
        }
        var secret = string.IsNullOrEmpty(input.Secret) ? null : input.Secret;
        switch (input.Auth)
        {
            case TaxiiFeedAuth.Basic when string.IsNullOrWhiteSpace(input.Username):
                InputValidation.Add(errors, "username", "is required for HTTP Basic");
                break;
            case TaxiiFeedAuth.Basic when input.Username!.Contains(':', StringComparison.Ordinal):
                InputValidation.Add(errors, "username", "must not contain ':' (HTTP Basic cannot carry it)");
                break;
        }
        if (input.Auth is TaxiiFeedAuth.Basic or TaxiiFeedAuth.Bearer && secret is null && (creating || feed.Auth != input.Auth || feed.ProtectedSecret is null))
        {
            var missing = input.Auth == TaxiiFeedAuth.Basic ? Text.T("is required: the password or API token") : Text.T("is required: the bearer token");
            InputValidation.Add(errors, "secret", missing);
        }
        if (input.Tlp == Tlp.Red)
        {
            // RED is for named people in a conversation; a scheduled feed into an audience is not that.
            InputValidation.Add(errors, "tlp", "a feed cannot share TLP:RED; choose AMBER+STRICT at most");
        }
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        var audience = await audiences.BuildAsync(input.Tlp!.Value, input.Audience, "audience", ct);
        if (!audience.Ok)
        {
            return audience.Problem!;
        }
        var outside = await importer.SharingRemitAsync(caller, audience.Value!, ct);
        if (outside.Count > 0)
        {
            return Problem.Invalid(outside);
        }

        var now = Clock.UtcNow(time);
        var sameAudience = !creating && await SameAudienceAsync(feed.AudienceId, audience.Value!, ct);
        if (!sameAudience)
        {
            db.Audiences.Add(audience.Value!);
            feed.AudienceId = audience.Value!.Id;
        }
        var endpointChanged = !creating && (feed.ApiRootUrl != url || feed.CollectionId != collection);
        var credentialsChanged = !creating && (secret is not null || feed.Auth != input.Auth || feed.Username != input.Username?.Trim());
        feed.Name = input.Name!.Trim();
        feed.ApiRootUrl = url;
        feed.CollectionId = collection;
        feed.Auth = input.Auth!.Value;
        feed.Username = feed.Auth == TaxiiFeedAuth.Basic ? input.Username!.Trim() : null;
        if (feed.Auth == TaxiiFeedAuth.None)
        {
            feed.ProtectedSecret = null;
        }
        else if (secret is not null)
        {
            feed.ProtectedSecret = protection.CreateProtector(Purpose).Protect(secret);
        }
        feed.Tlp = input.Tlp.Value;
        feed.IntervalMinutes = input.IntervalMinutes!.Value;
        var wasEnabled = feed.Enabled;
        feed.Enabled = input.Enabled ?? true;
        feed.ActingUserId = caller.UserId;
        feed.UpdatedAt = now;
        if (endpointChanged)
        {
            // Another collection: its timeline is not the old one's.
            feed.Checkpoint = null;
        }
        if (creating || endpointChanged || credentialsChanged || (feed.Enabled && !wasEnabled))
        {
            feed.NextRunAt = now;
            feed.ConsecutiveFailures = 0;
        }
        return null;
    }

    private async Task<bool> SameAudienceAsync(Guid audienceId, Audience audience, CancellationToken ct)
    {
        var members = await db.AudienceMembers.AsNoTracking().Where(m => m.AudienceId == audienceId).Select(m => new { m.Kind, m.Key }).ToListAsync(ct);
        return members.Count == audience.Members.Count && audience.Members.All(m => members.Any(x => x.Kind == m.Kind && x.Key == m.Key));
    }

    private async Task<TaxiiFeedView> ViewAsync(TaxiiFeed f, CancellationToken ct)
    {
        var audience = await audiences.DescribeAsync(f.AudienceId, ct);
        var acting = await db.Users.AsNoTracking().Where(u => u.Id == f.ActingUserId).Select(u => u.Email).FirstOrDefaultAsync(ct) ?? "";
        var now = Clock.UtcNow(time);
        return new TaxiiFeedView(f.Id, f.Name, f.ApiRootUrl, f.CollectionId, f.Auth, f.Username, f.ProtectedSecret is not null, f.Tlp, audience, f.IntervalMinutes, f.Enabled,
            acting, f.Checkpoint, f.NextRunAt, f.LeasedUntil > now, f.LastAttemptAt, f.LastSuccessAt, f.LastError, f.ConsecutiveFailures, f.ObjectsReceived, f.ObjectsAdded,
            f.CreatedAt, f.UpdatedAt, f.Version);
    }
}
