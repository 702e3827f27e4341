using System.ComponentModel.DataAnnotations;

namespace Renkei.Reports;

/// <summary>Limits on report attachments (<c>Renkei:Attachments</c>; environment <c>Renkei__Attachments__MaxFileBytes</c> …).</summary>
/// <remarks>
/// Files live in the database, so the limits bound its growth as well as a request's memory: the
/// defaults take a handful of log excerpts and screenshots per report, not disk images.
/// </remarks>
public sealed class AttachmentOptions
{
    public const string Section = "Renkei:Attachments";

    [Range(1, 100L * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    [Range(1, 200)]
    public int MaxFilesPerReport { get; set; } = 20;
}
