using System.Globalization;
using Renkei.Access;
using Renkei.Audit;
using Renkei.Common;
using Renkei.Directory.Csv;

namespace Renkei.Reports;

/// <summary>
/// The report list as CSV, built from <see cref="ReportQueries.ListAsync"/> so that it holds
/// exactly what the caller's list holds — anonymised reporters under their pseudonym included.
/// </summary>
public sealed class ReportExport(ReportQueries queries, AuditTrail audit, TimeProvider time)
{
    public const int MaxRows = 10_000;

    public static readonly string[] Columns =
        ["id", "title", "kind", "state", "stage", "route", "sector", "tlp", "reporter", "aware_at_jst", "submitted_at_jst", "severity", "beyond_verification_level", "overdue"];

    public async Task<byte[]> CsvAsync(Caller caller, ReportFilter filter, CancellationToken ct = default)
    {
        var page = await queries.ListAsync(caller, filter, 0, MaxRows, ct);
        // Exports leave the platform in bulk: who exported what, and when, is on the record.
        await audit.RecordAsync("export", "reports", null, new { rows = page.Items.Count, total = page.Total, at = Clock.UtcNow(time) }, ct);
        return CsvFile.Write(Columns, page.Items.Select(r => (IReadOnlyList<string?>)
        [
            r.Id.ToString("D"), r.Title, EnumText.ToText(r.Kind), EnumText.ToText(r.State), r.Stage is { } stage ? EnumText.ToText(stage) : null,
            EnumText.ToText(r.Route), r.SectorCode, EnumText.ToText(r.Tlp).ToUpperInvariant(), r.Reporter.NameJa,
            Jst(r.AwareAt), Jst(r.SubmittedAt), r.Severity?.ToString(CultureInfo.InvariantCulture),
            r.VerificationExceeded switch { true => "yes", false => "no", null => "" }, r.Overdue ? "yes" : "no",
        ]));
    }

    private static string? Jst(DateTime? utc) => utc is { } value ? Clock.ToJst(value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : null;
}
