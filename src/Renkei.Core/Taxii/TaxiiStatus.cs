namespace Renkei.Taxii;

/// <summary>
/// The TAXII status resource of one POST to a collection: what was added and what was refused,
/// object by object. Renkei processes a post before answering, so a status is complete when
/// created; it is kept so the client can read it back later, as TAXII clients do.
/// </summary>
public sealed class TaxiiStatus
{
    public Guid Id { get; set; }

    /// <summary>Only the user who posted reads the status (it names what they sent).</summary>
    public Guid UserId { get; set; }
    public string CollectionKey { get; set; } = "";
    public DateTime RequestedAt { get; set; }
    public int TotalCount { get; set; }
    public int SuccessCount { get; set; }
    public int FailureCount { get; set; }

    /// <summary>The <c>successes</c> and <c>failures</c> lists as TAXII 2.1 writes them (JSON).</summary>
    public string Details { get; set; } = "{}";
}
