using Renkei.Access;

namespace Renkei.Taxii.Feeds;

/// <summary>How Renkei signs in to a partner's TAXII server.</summary>
public enum TaxiiFeedAuth
{
    None,

    /// <summary>HTTP Basic: user name and password (Renkei's own server takes e-mail + API token).</summary>
    Basic,
    Bearer,
}

/// <summary>
/// A partner's TAXII 2.1 collection that Renkei pulls on a schedule, on behalf of the organisation
/// whose admin configured it: what arrives becomes indicator sets shared with
/// <see cref="AudienceId"/>, labelled no weaker than <see cref="Tlp"/> or their own markings.
/// </summary>
/// <remarks>
/// The checkpoint is the server's own <c>X-TAXII-Date-Added-Last</c>, kept as the server wrote
/// it and sent back verbatim as <c>added_after</c>; it moves forward only in the transaction that
/// stores the objects it covers, so a crash loses nothing and imports nothing twice.
/// </remarks>
public sealed class TaxiiFeed
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The API root, ending in a slash (e.g. <c>https://partner.example/taxii2/root/</c>).</summary>
    public string ApiRootUrl { get; set; } = "";
    public string CollectionId { get; set; } = "";
    public TaxiiFeedAuth Auth { get; set; }
    public string? Username { get; set; }

    /// <summary>Password or token, protected with the platform's data-protection keys; never shown again.</summary>
    public string? ProtectedSecret { get; set; }

    /// <summary>The label for what arrives unmarked, and the least any set from this feed carries.</summary>
    public Tlp Tlp { get; set; }
    public Guid AudienceId { get; set; }
    public Audience? Audience { get; set; }
    public int IntervalMinutes { get; set; }
    public bool Enabled { get; set; }

    /// <summary>
    /// The admin who last saved the feed: pulls import as this user, so what a feed may share is
    /// re-checked against that user's current rights at every run.
    /// </summary>
    public Guid ActingUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public string? Checkpoint { get; set; }
    public DateTime NextRunAt { get; set; }

    /// <summary>Set while a host is pulling, so two hosts never pull the same feed at once.</summary>
    public DateTime? LeasedUntil { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    public DateTime? LastSuccessAt { get; set; }
    public string? LastError { get; set; }
    public int ConsecutiveFailures { get; set; }
    public long ObjectsReceived { get; set; }
    public long ObjectsAdded { get; set; }
}

public enum TaxiiFeedRunOutcome
{
    Succeeded,

    /// <summary>Some pages arrived and were stored before a failure; the rest comes next run.</summary>
    Partial,
    Failed,
}

/// <summary>One pull of a feed, for the status page.</summary>
public sealed class TaxiiFeedRun
{
    public Guid Id { get; set; }
    public Guid FeedId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime FinishedAt { get; set; }
    public TaxiiFeedRunOutcome Outcome { get; set; }
    public int Pages { get; set; }
    public int Requests { get; set; }
    public int ObjectsReceived { get; set; }
    public int ObjectsAdded { get; set; }
    public int SetsCreated { get; set; }
    public string? CheckpointBefore { get; set; }
    public string? CheckpointAfter { get; set; }
    public string? Error { get; set; }
}
