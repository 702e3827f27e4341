using Microsoft.EntityFrameworkCore;
using Renkei.Reports;

namespace Renkei.Access;

/// <summary>
/// Reports and their parts. A report is found once (<see cref="ReportAsync"/>); its parts are read
/// through the handle that proves it was.
/// </summary>
public sealed partial class AccessPolicy
{
    /// <summary>One report the caller may read, with its hops and its reporter as the caller may know it; null if it does not exist for them.</summary>
    public async Task<VisibleReport?> ReportAsync(Caller? caller, Guid id, CancellationToken ct = default)
    {
        if (caller is null)
        {
            return null;
        }
        var report = await Reports(caller).AsNoTracking().Include(r => r.Hops).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return null;
        }
        return new VisibleReport(report, caller, (await ReportersAsync(caller, [id], ct))[id]);
    }

    /// <summary>The submissions of the report, each with its whole content.</summary>
    public IQueryable<ReportVersion> ReportVersions(VisibleReport report)
    {
        var id = report.Id;
        return db.ReportVersions.Where(v => v.ReportId == id);
    }

    /// <summary>The report's question-and-answer thread.</summary>
    public IQueryable<ReportMessage> ReportMessages(VisibleReport report)
    {
        var id = report.Id;
        return db.ReportMessages.Where(m => m.ReportId == id);
    }

    /// <summary>The files attached to the report.</summary>
    public IQueryable<ReportAttachment> ReportAttachments(VisibleReport report)
    {
        var id = report.Id;
        return db.ReportAttachments.Where(a => a.ReportId == id);
    }

    /// <summary>The desks' severity assessments of the report.</summary>
    public IQueryable<ReportAssessment> ReportAssessments(VisibleReport report)
    {
        var id = report.Id;
        return db.ReportAssessments.Where(a => a.ReportId == id);
    }

    /// <summary>
    /// The names of people who acted on the report (submitted, wrote, uploaded), as the caller may
    /// see them: desks are named, the reporting side only where the reporter is disclosed — an
    /// anonymised reporter's staff would name the reporter.
    /// </summary>
    public async Task<Dictionary<Guid, string>> ReportPeopleAsync(VisibleReport report, IEnumerable<Guid> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        var reportingOrganisation = report.Report.ReportingOrganisationId;
        var disclosed = report.Reporter.Disclosed;
        return ids.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && (disclosed || u.OrganisationId != reportingOrganisation))
                .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    /// <summary>
    /// The reporter of each report, disclosed or pseudonymous, as <see cref="ReporterVisible"/>
    /// decides — in one query, however many reports a list shows.
    /// </summary>
    public async Task<Dictionary<Guid, ReporterView>> ReportersAsync(Caller caller, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var disclosed = Reports(caller).Where(ReporterVisible(caller)).Select(r => r.Id);
        var rows = await db.Reports.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new
            {
                r.Id,
                Disclosed = disclosed.Contains(r.Id),
                r.ReportingOrganisationId,
                r.ReporterUserId,
                OrgJa = r.ReportingOrganisation!.NameJa,
                OrgEn = r.ReportingOrganisation.NameEn,
                UserName = db.Users.Where(u => u.Id == r.ReporterUserId).Select(u => u.DisplayName).FirstOrDefault(),
                Ceptoar = db.Ceptoars.Where(c => c.Code == r.ViaCeptoarCode).Select(c => new { c.NameJa, c.NameEn }).FirstOrDefault(),
                Agency = db.Organisations.Where(o => o.Id == r.ViaAgencyId).Select(o => new { o.NameJa, o.NameEn }).FirstOrDefault(),
                Sector = db.Sectors.Where(s => s.Code == r.SectorCode).Select(s => new { s.NameJa, s.NameEn }).FirstOrDefault(),
                r.SectorCode,
            })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r =>
        {
            if (r.Disclosed)
            {
                return new ReporterView(true, r.ReportingOrganisationId, r.OrgJa, r.OrgEn, r.ReporterUserId, r.UserName);
            }
            var (ja, en) = ReporterPseudonym.Name(
                r.Ceptoar is null ? null : (r.Ceptoar.NameJa, r.Ceptoar.NameEn),
                r.Agency is null ? null : (r.Agency.NameJa, r.Agency.NameEn),
                r.Sector is null ? null : (r.Sector.NameJa, r.Sector.NameEn),
                r.SectorCode);
            return new ReporterView(false, null, ja, en, null, null);
        });
    }

    /// <summary>The name an anonymised reporter goes by, for the route it took.</summary>
    public async Task<(string Ja, string En)> PseudonymAsync(string? viaCeptoar, Guid? viaAgency, string sectorCode, CancellationToken ct)
    {
        var ceptoar = viaCeptoar is null ? null
            : await db.Ceptoars.AsNoTracking().Where(c => c.Code == viaCeptoar).Select(c => new { c.NameJa, c.NameEn }).FirstOrDefaultAsync(ct);
        var agency = ceptoar is not null || viaAgency is null ? null
            : await db.Organisations.AsNoTracking().Where(o => o.Id == viaAgency).Select(o => new { o.NameJa, o.NameEn }).FirstOrDefaultAsync(ct);
        var sector = ceptoar is not null || agency is not null ? null
            : await db.Sectors.AsNoTracking().Where(x => x.Code == sectorCode).Select(x => new { x.NameJa, x.NameEn }).FirstOrDefaultAsync(ct);
        return ReporterPseudonym.Name(
            ceptoar is null ? null : (ceptoar.NameJa, ceptoar.NameEn),
            agency is null ? null : (agency.NameJa, agency.NameEn),
            sector is null ? null : (sector.NameJa, sector.NameEn),
            sectorCode);
    }
}
