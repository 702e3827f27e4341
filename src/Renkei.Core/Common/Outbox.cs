namespace Renkei.Common;

/// <summary>What the e-mail and webhook outboxes share: how long a failed send waits, and how much of its error is kept.</summary>
public static class Outbox
{
    /// <summary>A pass takes this many due items at most (the next pass takes the rest).</summary>
    public const int Batch = 20;

    /// <summary>30 s, 1 min, 2 min, 4 min … capped at one hour.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    /// <summary>The error as stored on the item (the column holds 2,000 characters).</summary>
    public static string Error(string error) => error.Length > 2000 ? error[..2000] : error;
}
