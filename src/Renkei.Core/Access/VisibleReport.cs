using Renkei.Reports;

namespace Renkei.Access;

/// <summary>
/// One report the access policy let a caller read, with what the caller may know of its reporter,
/// decided once per request. Readers of a report's parts (versions, thread, attachments,
/// assessments) take this instead of a caller and an id, so none of them can be reached without
/// the policy having been asked first — and none asks it again.
/// </summary>
/// <remarks>
/// Only <see cref="AccessPolicy.ReportAsync"/> makes one (the constructor is internal and an
/// architecture test keeps construction inside <c>Access/</c>). The report is a snapshot read
/// without change tracking, with its hops: writes load their own tracked copy.
/// </remarks>
public sealed class VisibleReport
{
    internal VisibleReport(Report report, Caller caller, ReporterView reporter)
    {
        Report = report;
        Caller = caller;
        Reporter = reporter;
    }

    public Guid Id => Report.Id;

    public Report Report { get; }

    public Caller Caller { get; }

    /// <summary>The reporter as this caller may see it: disclosed, or the pseudonym the route gives.</summary>
    public ReporterView Reporter { get; }

    /// <summary>Whether the caller acts for the reporting organisation.</summary>
    public bool ByReporter => Report.ReportingOrganisationId == Caller.OrganisationId;
}
