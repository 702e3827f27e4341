namespace Renkei.Reports;

/// <summary>
/// A file attached to a report (a log excerpt, a screenshot, the operator's own analysis), kept in
/// the database with the report so that backups, access and the audit trail cover it alike.
/// </summary>
public sealed class ReportAttachment
{
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }

    /// <summary>The uploader's file name, sanitised (no path, no control or direction characters).</summary>
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }

    /// <summary>SHA-256 of the content, lower-case hex: lets every hop check it holds the same file.</summary>
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }

    /// <summary>
    /// How many submissions the report had when the file was added: 0 while a draft (the file goes
    /// with the first report), 1 after the first report, and so on.
    /// </summary>
    public int Submission { get; set; }
    public Guid UploadedByUserId { get; set; }
    public Guid UploadedByOrganisationId { get; set; }
    public DateTime UploadedAt { get; set; }
}
