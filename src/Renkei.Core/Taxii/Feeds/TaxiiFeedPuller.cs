using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Renkei.Access;
using Renkei.Common;
using Renkei.Stix;
using Renkei.Storage;

namespace Renkei.Taxii.Feeds;

/// <summary>
/// Pulls a partner feed once: pages from the checkpoint on (by <c>next</c> where the server
/// offers it, else by <c>added_after</c> = the last page's <c>X-TAXII-Date-Added-Last</c>),
/// stores them in batches that each move the checkpoint in their own transaction, and records
/// the run. A failure keeps what arrived before it and is retried later with growing waits.
/// </summary>
public sealed class TaxiiFeedPuller(
    RenkeiDbContext db,
    CallerLoader callers,
    StixImporter importer,
    TaxiiFeedService feeds,
    TaxiiFeedClient client,
    IOptions<TaxiiFeedOptions> options,
    TimeProvider time,
    ILogger<TaxiiFeedPuller> log)
{
    /// <summary>Enabled feeds whose time has come and that no host is pulling.</summary>
    public async Task<List<Guid>> DueAsync(CancellationToken ct)
    {
        var now = Clock.UtcNow(time);
        return await db.TaxiiFeeds.AsNoTracking()
            .Where(f => f.Enabled && f.NextRunAt <= now && (f.LeasedUntil == null || f.LeasedUntil < now))
            .OrderBy(f => f.NextRunAt).Select(f => f.Id).Take(20).ToListAsync(ct);
    }

    /// <summary>Pulls the feed if it is still due and no other host took it; the run, or null.</summary>
    public async Task<TaxiiFeedRun?> RunAsync(Guid feedId, CancellationToken ct)
    {
        var started = Clock.UtcNow(time);
        var leased = await db.TaxiiFeeds
            .Where(f => f.Id == feedId && f.Enabled && f.NextRunAt <= started && (f.LeasedUntil == null || f.LeasedUntil < started))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.LeasedUntil, started + options.Value.Lease), ct);
        if (leased == 0)
        {
            return null;
        }
        var feed = await db.TaxiiFeeds.AsNoTracking().FirstAsync(f => f.Id == feedId, ct);
        var run = new TaxiiFeedRun { Id = Guid.CreateVersion7(), FeedId = feedId, StartedAt = started, CheckpointBefore = feed.Checkpoint };
        var state = new RunState(feed.Checkpoint);
        try
        {
            state.Error = await PullAsync(feed, run, state, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: what was stored stays stored; the feed is free for the next host.
            await db.TaxiiFeeds.Where(f => f.Id == feedId).ExecuteUpdateAsync(s => s.SetProperty(f => f.LeasedUntil, (DateTime?)null), CancellationToken.None);
            throw;
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or JsonException or IOException)
        {
            log.LogError(ex, "Pulling feed {FeedId} failed", feedId);
            state.Error = Text.T("Renkei could not store what arrived: {0}", ex.Message);
        }
        await FinishAsync(feed, run, state);
        return run;
    }

    private sealed class RunState(string? checkpoint)
    {
        public string? Checkpoint { get; set; } = checkpoint;
        public bool More { get; set; }
        public string? Error { get; set; }
    }

    /// <summary>The pages of one run; returns the reason it stopped early, or null.</summary>
    private async Task<string?> PullAsync(TaxiiFeed feed, TaxiiFeedRun run, RunState state, CancellationToken ct)
    {
        var caller = await callers.LoadAsync(feed.ActingUserId, ct);
        if (caller is null)
        {
            return Text.T("The admin who last saved the feed is deactivated: another admin of the organisation has to save it again.");
        }
        var secret = feeds.Secret(feed);
        var batch = new List<JsonElement>();
        var batchCount = 0;
        var batchCheckpoint = state.Checkpoint;
        var addedAfter = state.Checkpoint;
        string? next = null;
        string? error = null;
        for (var page = 0; page < options.Value.MaxPagesPerRun; page++)
        {
            TaxiiFeedPage received;
            try
            {
                received = await client.GetObjectsAsync(
                    new TaxiiFeedRequest(feed.ApiRootUrl, feed.CollectionId, feed.Auth, feed.Username, secret, addedAfter, next, options.Value.PageLimit), ct);
            }
            catch (TaxiiFeedException ex)
            {
                run.Requests += ex.Attempts;
                error = ex.Message;
                break;
            }
            run.Requests += received.Attempts;
            run.Pages++;
            // A long run keeps its lease: no other host starts the same feed while pages still come.
            var until = Clock.UtcNow(time) + options.Value.Lease;
            await db.TaxiiFeeds.Where(f => f.Id == feed.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.LeasedUntil, until), ct);
            run.ObjectsReceived += received.Count;
            batch.Add(received.Objects);
            batchCount += received.Count;
            batchCheckpoint = received.DateAddedLast ?? batchCheckpoint;
            state.More = received.More;
            if (received.More)
            {
                if (received.Next is not null)
                {
                    next = received.Next;
                }
                else if (received.DateAddedLast is not null)
                {
                    addedAfter = received.DateAddedLast;
                    next = null;
                }
                else
                {
                    error = Text.T("The server says more objects are waiting but gives neither next nor X-TAXII-Date-Added-Last to reach them.");
                    state.More = false;
                }
            }
            if (error is not null || !state.More || batchCount >= options.Value.BatchObjects)
            {
                var stored = await StoreAsync(caller, feed, run, batch, batchCheckpoint, ct);
                batch.Clear();
                batchCount = 0;
                if (stored is not null)
                {
                    return stored;
                }
                state.Checkpoint = batchCheckpoint;
            }
            if (error is not null || !state.More)
            {
                break;
            }
        }
        if (batchCount > 0 || (batch.Count > 0 && batchCheckpoint != state.Checkpoint))
        {
            // Pages that arrived before a failure are kept: they are valid on their own.
            var stored = await StoreAsync(caller, feed, run, batch, batchCheckpoint, ct);
            if (stored is not null)
            {
                return error is null ? stored : error + " " + stored;
            }
            state.Checkpoint = batchCheckpoint;
        }
        return error;
    }

    /// <summary>Stores a batch and moves the checkpoint; the reason it was refused, or null.</summary>
    private async Task<string?> StoreAsync(Caller caller, TaxiiFeed feed, TaxiiFeedRun run, List<JsonElement> pages, string? checkpoint, CancellationToken ct)
    {
        var result = await importer.ImportFeedBatchAsync(caller, feed, Envelope(pages), checkpoint, ct);
        db.ChangeTracker.Clear();
        if (!result.Ok)
        {
            return Describe(result.Problem!);
        }
        run.ObjectsAdded += result.Value!.Added;
        run.SetsCreated += result.Value.SetId is null ? 0 : 1;
        return null;
    }

    private static byte[] Envelope(List<JsonElement> pages)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("objects");
            foreach (var o in pages.SelectMany(p => p.EnumerateArray()))
            {
                o.WriteTo(writer);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>A refused batch in one line for the status page: the reason and the first objects named.</summary>
    private static string Describe(Problem problem)
    {
        var details = (problem.Errors ?? new Dictionary<string, string[]>()).Take(5).Select(e => $"{e.Key}: {string.Join(" ", e.Value)}");
        var more = problem.Errors is { Count: > 5 } ? Text.T(" (and {0} more)", problem.Errors.Count - 5) : "";
        return Text.T("The partner's objects were not stored: {0}", string.Join("; ", details.Prepend(problem.Detail))) + more;
    }

    private async Task FinishAsync(TaxiiFeed feed, TaxiiFeedRun run, RunState state)
    {
        var now = Clock.UtcNow(time);
        var ok = state.Error is null;
        var failures = ok ? 0 : feed.ConsecutiveFailures + 1;
        var interval = TimeSpan.FromMinutes(feed.IntervalMinutes);
        var next = ok ? (state.More ? now : now + interval) : now + Backoff(failures, interval);
        var error = state.Error is { Length: > 2000 } e ? e[..2000] : state.Error;
        run.FinishedAt = now;
        run.CheckpointAfter = state.Checkpoint;
        run.Error = error;
        run.Outcome = ok ? TaxiiFeedRunOutcome.Succeeded : run.ObjectsAdded > 0 || state.Checkpoint != feed.Checkpoint ? TaxiiFeedRunOutcome.Partial : TaxiiFeedRunOutcome.Failed;
        if (!ok)
        {
            log.LogWarning("Feed {FeedId} ({Name}) failed (failure {Failures} in a row): {Error}", feed.Id, feed.Name, failures, error);
        }
        // The end of a run is recorded even when the host is stopping.
        var ct = CancellationToken.None;
        await db.TaxiiFeeds.Where(f => f.Id == feed.Id).ExecuteUpdateAsync(s => s
            .SetProperty(f => f.LeasedUntil, (DateTime?)null)
            .SetProperty(f => f.LastAttemptAt, run.StartedAt)
            .SetProperty(f => f.LastSuccessAt, f => ok ? now : f.LastSuccessAt)
            .SetProperty(f => f.LastError, error)
            .SetProperty(f => f.ConsecutiveFailures, failures)
            .SetProperty(f => f.NextRunAt, next)
            .SetProperty(f => f.ObjectsReceived, f => f.ObjectsReceived + run.ObjectsReceived)
            .SetProperty(f => f.ObjectsAdded, f => f.ObjectsAdded + run.ObjectsAdded), ct);
        db.TaxiiFeedRuns.Add(run);
        await db.SaveChangesAsync(ct);
        var keep = await db.TaxiiFeedRuns.Where(r => r.FeedId == feed.Id).OrderByDescending(r => r.StartedAt).Skip(options.Value.RunsKept).Select(r => r.Id).ToListAsync(ct);
        if (keep.Count > 0)
        {
            await db.TaxiiFeedRuns.Where(r => keep.Contains(r.Id)).ExecuteDeleteAsync(ct);
        }
    }

    /// <summary>After a failure: 1, 2, 4, … minutes, never longer than the feed's own interval.</summary>
    public static TimeSpan Backoff(int failures, TimeSpan interval)
    {
        var wait = TimeSpan.FromMinutes(Math.Pow(2, Math.Min(failures - 1, 20)));
        return wait < interval ? wait : interval;
    }
}
