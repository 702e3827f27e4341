using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Logging;

namespace Renkei.Common;

/// <summary>An item of an outbox (an e-mail, a webhook call): sent once, retried with growing delays, given up and kept.</summary>
public interface IOutboxItem
{
    Guid Id { get; }
    int Attempts { get; set; }
    DateTime NextAttemptAt { get; set; }
    DateTime? SentAt { get; set; }

    /// <summary>Set when retries are exhausted; the item stays for the operators to see.</summary>
    DateTime? FailedAt { get; set; }
    string? LastError { get; set; }
}

/// <summary>
/// One attempt's outcome: <paramref name="Error"/> is null when the item went out; <paramref name="Also"/>
/// records what else the attempt learnt (a webhook's HTTP status).
/// </summary>
public sealed record OutboxAttempt<T>(string? Error, Action<UpdateSettersBuilder<T>>? Also = null)
    where T : class;

/// <summary>What the e-mail and webhook outboxes share: leasing, retries with growing delays, giving up.</summary>
public static class Outbox
{
    /// <summary>A pass takes this many due items at most (the next pass takes the rest).</summary>
    public const int Batch = 20;

    /// <summary>30 s, 1 min, 2 min, 4 min … capped at one hour.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    /// <summary>The error as stored on the item (the column holds 2,000 characters).</summary>
    public static string Error(string error) => error.Length > 2000 ? error[..2000] : error;

    /// <summary>
    /// Attempts what is due. Each item is leased before it is attempted (its next attempt moved past
    /// <paramref name="lease"/>, on the condition that nobody moved it first), so two hosts never
    /// send it at once; a failure waits <see cref="Backoff"/> and after <paramref name="maxAttempts"/>
    /// the item is marked failed. <paramref name="attempt"/> returns null for an item that is gone
    /// with its owner. Returns how many items were attempted.
    /// </summary>
    public static async Task<int> SendDueAsync<T>(DbSet<T> items, TimeSpan lease, int maxAttempts, TimeProvider time, ILogger log, Func<T, string> describe,
        Func<T, CancellationToken, Task<OutboxAttempt<T>?>> attempt, CancellationToken ct)
        where T : class, IOutboxItem
    {
        var now = Clock.UtcNow(time);
        var due = await items.AsNoTracking()
            .Where(i => i.SentAt == null && i.FailedAt == null && i.NextAttemptAt <= now)
            .OrderBy(i => i.NextAttemptAt).Take(Batch)
            .Select(i => new { i.Id, i.NextAttemptAt })
            .ToListAsync(ct);
        var attempted = 0;
        foreach (var next in due)
        {
            var leased = await items
                .Where(i => i.Id == next.Id && i.SentAt == null && i.NextAttemptAt == next.NextAttemptAt)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.NextAttemptAt, now + lease), ct);
            if (leased == 0)
            {
                continue; // another host has it
            }
            attempted++;
            var item = await items.AsNoTracking().FirstAsync(i => i.Id == next.Id, ct);
            OutboxAttempt<T>? outcome;
            Exception? failure = null;
            try
            {
                outcome = await attempt(item, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // A timeout is a failed attempt; only the host stopping cancels the pass.
                failure = ex;
                outcome = new OutboxAttempt<T>(ex.GetType().Name + ": " + ex.Message);
            }
            if (outcome is null)
            {
                continue;
            }
            if (outcome.Error is null)
            {
                await items.Where(i => i.Id == item.Id).ExecuteUpdateAsync(s =>
                {
                    s.SetProperty(i => i.SentAt, Clock.UtcNow(time)).SetProperty(i => i.Attempts, i => i.Attempts + 1);
                    outcome.Also?.Invoke(s);
                }, ct);
                continue;
            }
            var attempts = item.Attempts + 1;
            var giveUp = attempts >= maxAttempts;
            log.LogWarning(failure, "{Item} failed (attempt {Attempt}): {Error}{GivenUp}", describe(item), attempts, outcome.Error, giveUp ? "; giving up" : "");
            var error = Error(outcome.Error);
            await items.Where(i => i.Id == item.Id).ExecuteUpdateAsync(s =>
            {
                s.SetProperty(i => i.Attempts, attempts)
                    .SetProperty(i => i.NextAttemptAt, Clock.UtcNow(time) + Backoff(attempts))
                    .SetProperty(i => i.FailedAt, giveUp ? Clock.UtcNow(time) : null)
                    .SetProperty(i => i.LastError, error);
                outcome.Also?.Invoke(s);
            }, ct);
        }
        return attempted;
    }
}
