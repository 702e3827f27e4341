namespace Renkei.Taxii.Feeds;

/// <summary>Pulling partners' TAXII feeds (Renkei:TaxiiFeeds).</summary>
public sealed class TaxiiFeedOptions
{
    public const string Section = "Renkei:TaxiiFeeds";

    /// <summary>Allow plain http:// servers (tests on loopback; credentials travel in the clear otherwise).</summary>
    public bool AllowHttp { get; set; }

    /// <summary>Allow loopback and private-network addresses (tests, or a partner on a closed network the operator vouches for).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>How often the worker looks for feeds that are due.</summary>
    public TimeSpan Poll { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>One HTTP request's time limit.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Further attempts of a request that failed in a way that may pass (network, timeout, 429, 5xx).</summary>
    public int Retries { get; set; } = 3;

    /// <summary>The wait before the first retry; it doubles each time (a server's Retry-After wins, up to a minute).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Objects asked for per page (servers may send fewer).</summary>
    public int PageLimit { get; set; } = 1000;

    /// <summary>Pages in one run; a feed with more waiting runs again straight away.</summary>
    public int MaxPagesPerRun { get; set; } = 100;

    /// <summary>Objects stored together as one indicator set (and one checkpoint step).</summary>
    public int BatchObjects { get; set; } = 10_000;

    /// <summary>The largest page accepted, in bytes.</summary>
    public long MaxPageBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>How long a host holds a feed it is pulling before another may take it; longer than a run.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Runs kept per feed for the status page.</summary>
    public int RunsKept { get; set; } = 50;
}
