using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Storage;

namespace Renkei.Reports;

public sealed record IncidentInput
{
    [Required(ErrorMessage = "is required"), MaxLength(300, ErrorMessage = "must be at most 300 characters")]
    public string Title { get; init; } = "";

    [MaxLength(8000, ErrorMessage = "must be at most 8000 characters")]
    public string? Summary { get; init; }

    public IReadOnlyList<Guid>? ReportIds { get; init; }
}

public sealed record IncidentChange
{
    [Required(ErrorMessage = "is required"), MaxLength(300, ErrorMessage = "must be at most 300 characters")]
    public string Title { get; init; } = "";

    [MaxLength(8000, ErrorMessage = "must be at most 8000 characters")]
    public string? Summary { get; init; }

    [Required(ErrorMessage = "is required")]
    public IncidentState? State { get; init; }

    [Required(ErrorMessage = "is required")]
    public int? Version { get; init; }
}

public sealed record TimelineEntry(DateTime At, Guid ReportId, string What, string? DetailJa, string? DetailEn);

public sealed record IncidentView(Guid Id, string Title, string? Summary, IncidentState State, OrganisationRef Owner, DateTime CreatedAt, int Version,
    IReadOnlyList<ReportSummary> Reports, int HiddenReports, IReadOnlyList<TimelineEntry> Timeline);

/// <summary>Links reports from several organisations or sectors into one incident (事案) with a timeline.</summary>
public sealed class IncidentService(RenkeiDbContext db, AccessPolicy access, ReportQueries queries, TimeProvider time)
{
    public static bool CanManage(Caller caller) =>
        caller.OrganisationKind is OrganisationKind.NationalCentre or OrganisationKind.Ministry && Permissions.WorkReportDesk(caller);

    public async Task<List<IncidentView>> ListAsync(Caller caller, CancellationToken ct = default)
    {
        var ids = await access.Incidents(caller).AsNoTracking().OrderByDescending(i => i.CreatedAt).Select(i => i.Id).ToListAsync(ct);
        var views = new List<IncidentView>();
        foreach (var id in ids)
        {
            views.Add((await GetAsync(caller, id, ct))!);
        }
        return views;
    }

    /// <summary>
    /// The incident with the links to reports the caller may read (through <see cref="AccessPolicy.Reports"/>),
    /// and how many links it holds in all; null when the caller may not read the incident. The
    /// incident page and its STIX export both start here, so they show the same reports.
    /// </summary>
    public async Task<(Incident Incident, IReadOnlyList<IncidentReport> Readable, int Linked)?> ReadableAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        var incident = await access.Incidents(caller).AsNoTracking().Include(i => i.Reports).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return null;
        }
        var linked = incident.Reports.Select(r => r.ReportId).ToList();
        var visible = (await access.Reports(caller).Where(r => linked.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct)).ToHashSet();
        return (incident, incident.Reports.Where(r => visible.Contains(r.ReportId)).ToList(), linked.Count);
    }

    public async Task<IncidentView?> GetAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        if (await ReadableAsync(caller, id, ct) is not { } found)
        {
            return null;
        }
        var (incident, readable, linkedCount) = found;
        var visibleIds = readable.Select(r => r.ReportId).ToList();
        var summaries = new List<ReportSummary>();
        var timeline = new List<TimelineEntry>();
        foreach (var reportId in visibleIds)
        {
            var visible = (await queries.FindAsync(caller, reportId, ct))!;
            var view = await queries.ViewAsync(visible, ct);
            summaries.Add(new ReportSummary(view.Id, view.Content.Title, view.Content.Kind, view.State, view.Stage, view.Route, view.Content.SectorCode, view.Tlp,
                view.Reporter, view.Content.AwareAt, view.SubmittedAt, view.UpdatedAt, view.Severity.Assessed ?? view.Severity.Suggested, view.Verification.Exceeded, false));
            if (view.Content.AwareAt is { } aware)
            {
                timeline.Add(new TimelineEntry(aware, reportId, "aware", view.Reporter.NameJa, view.Reporter.NameEn));
            }
            foreach (var version in await queries.VersionsAsync(visible, ct))
            {
                timeline.Add(new TimelineEntry(version.SubmittedAt, reportId, EnumText.ToText(version.Stage) + "_report", version.Content.Title, version.Content.Title));
            }
            foreach (var hop in view.Hops)
            {
                if (hop.ReceivedAt is { } received)
                {
                    timeline.Add(new TimelineEntry(received, reportId, "received", hop.Organisation.NameJa, hop.Organisation.NameEn));
                }
                if (hop.ForwardedAt is { } forwarded)
                {
                    timeline.Add(new TimelineEntry(forwarded, reportId, "forwarded", hop.Organisation.NameJa, hop.Organisation.NameEn));
                }
            }
        }
        var owner = await db.Organisations.AsNoTracking().Where(o => o.Id == incident.OwnerOrganisationId).Select(o => new OrganisationRef(o.Id, o.Code, o.NameJa, o.NameEn)).FirstAsync(ct);
        return new IncidentView(incident.Id, incident.Title, incident.Summary, incident.State, owner, incident.CreatedAt, incident.Version,
            summaries.OrderBy(s => s.SubmittedAt).ToList(), linkedCount - visibleIds.Count, timeline.OrderBy(t => t.At).ToList());
    }

    public async Task<Result<IncidentView>> CreateAsync(Caller caller, IncidentInput input, CancellationToken ct = default)
    {
        if (!CanManage(caller))
        {
            return Problem.Forbidden("Only desks of NISC and the ministries in charge consolidate reports into incidents.");
        }
        var errors = InputValidation.Validate(input);
        var ids = (input.ReportIds ?? []).Distinct().ToList();
        var readable = await access.Reports(caller).Where(r => ids.Contains(r.Id) && r.State != ReportState.Draft).Select(r => r.Id).ToListAsync(ct);
        foreach (var (missing, i) in ids.Select((id, i) => (id, i)).Where(x => !readable.Contains(x.id)))
        {
            InputValidation.Add(errors, $"reportIds[{i}]", "is not a report you can read");
        }
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        var now = Clock.UtcNow(time);
        var incident = new Incident
        {
            Id = Guid.CreateVersion7(),
            Title = input.Title.Trim(),
            Summary = string.IsNullOrWhiteSpace(input.Summary) ? null : input.Summary.Trim(),
            OwnerOrganisationId = caller.OrganisationId,
            CreatedByUserId = caller.UserId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        incident.Reports.AddRange(ids.Select(r => new IncidentReport { IncidentId = incident.Id, ReportId = r, LinkedAt = now, LinkedByUserId = caller.UserId }));
        db.Incidents.Add(incident);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(caller, incident.Id, ct))!;
    }

    /// <summary>Renames, summarises, closes or reopens an incident.</summary>
    public async Task<Result<IncidentView>> UpdateAsync(Caller caller, Guid incidentId, IncidentChange input, CancellationToken ct = default)
    {
        var incident = await access.Incidents(caller).FirstOrDefaultAsync(i => i.Id == incidentId, ct);
        if (incident is null)
        {
            return Problem.NotFound("The incident");
        }
        if (!CanManage(caller))
        {
            return Problem.Forbidden("Only desks of NISC and the ministries in charge consolidate reports into incidents.");
        }
        var errors = InputValidation.Validate(input);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        if (input.Version != incident.Version)
        {
            return Problem.StaleVersion(input.Version!.Value, incident.Version);
        }
        incident.Title = input.Title.Trim();
        incident.Summary = string.IsNullOrWhiteSpace(input.Summary) ? null : input.Summary.Trim();
        incident.State = input.State!.Value;
        incident.UpdatedAt = Clock.UtcNow(time);
        incident.Version++;
        await db.SaveChangesAsync(ct);
        return (await GetAsync(caller, incidentId, ct))!;
    }

    /// <summary>Adds a report to an incident (a report the caller can read).</summary>
    public async Task<Result<IncidentView>> LinkAsync(Caller caller, Guid incidentId, Guid reportId, CancellationToken ct = default)
    {
        var incident = await access.Incidents(caller).Include(i => i.Reports).FirstOrDefaultAsync(i => i.Id == incidentId, ct);
        if (incident is null)
        {
            return Problem.NotFound("The incident");
        }
        if (!CanManage(caller))
        {
            return Problem.Forbidden("Only desks of NISC and the ministries in charge consolidate reports into incidents.");
        }
        if (!await access.Reports(caller).AnyAsync(r => r.Id == reportId && r.State != ReportState.Draft, ct))
        {
            return Problem.Invalid("reportId", "is not a report you can read");
        }
        if (incident.Reports.Any(r => r.ReportId == reportId))
        {
            return Problem.Conflict("The report is already part of this incident.");
        }
        var now = Clock.UtcNow(time);
        incident.Reports.Add(new IncidentReport { IncidentId = incidentId, ReportId = reportId, LinkedAt = now, LinkedByUserId = caller.UserId });
        incident.UpdatedAt = now;
        incident.Version++;
        await db.SaveChangesAsync(ct);
        return (await GetAsync(caller, incidentId, ct))!;
    }
}
