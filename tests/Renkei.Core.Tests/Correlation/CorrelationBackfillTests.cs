using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Access;
using Renkei.Advisories;
using Renkei.Correlation;
using Renkei.Identity;
using Renkei.Indicators;
using Renkei.Reports;
using Renkei.Stix;
using Renkei.Storage;
using Renkei.Testing;

namespace Renkei.Core.Tests.Correlation;

/// <summary>
/// Records written before correlation existed (straight into the tables, as the older code did)
/// are correlated by the backfill: once per rules version at start-up, on demand from the CLI,
/// and the same rows every time.
/// </summary>
public abstract class CorrelationBackfillTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private static readonly DateTime T1 = new(2026, 4, 1, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime T2 = new(2026, 4, 2, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime T3 = new(2026, 4, 3, 1, 0, 0, DateTimeKind.Utc);

    private static IndicatorValue Ip(string value) => new(IndicatorType.Ipv4, value);

    private async Task<(Guid Report, Guid Advisory, Guid Draft, Guid Set)> OlderRecordsAsync()
    {
        var org = await Data.OrganisationAsync();
        var user = await Data.UserAsync(org.Id, Role.Analyst);
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();

        // A report whose first version named A and B, the update A and C, and the final A again with C.
        var report = new Report
        {
            Id = Guid.CreateVersion7(),
            ReportingOrganisationId = org.Id,
            ReporterUserId = user.Id,
            State = ReportState.Submitted,
            Stage = ReportStage.Final,
            Route = ReportRoute.Ministry,
            Tlp = Tlp.Amber,
            SectorCode = "electricity",
            ThreatCategory = "cyber_attack",
            Title = "古い報告",
            CreatedAt = T1,
            UpdatedAt = T3,
            SubmittedAt = T1,
        };
        ReportContent With(params IndicatorValue[] indicators) => new() { Title = "古い報告", SectorCode = "electricity", Indicators = indicators };
        report.Content = With(Ip("192.0.2.1"), Ip("192.0.2.3"));
        db.Reports.Add(report);
        db.ReportVersions.Add(new ReportVersion { ReportId = report.Id, Number = 1, Stage = ReportStage.First, Content = With(Ip("192.0.2.1"), Ip("192.0.2.2")), SubmittedByUserId = user.Id, SubmittedAt = T1 });
        db.ReportVersions.Add(new ReportVersion { ReportId = report.Id, Number = 2, Stage = ReportStage.Update, Content = With(Ip("192.0.2.1"), Ip("192.0.2.3")), SubmittedByUserId = user.Id, SubmittedAt = T2 });
        db.ReportVersions.Add(new ReportVersion { ReportId = report.Id, Number = 3, Stage = ReportStage.Final, Content = With(Ip("192.0.2.3"), Ip("192.0.2.1")), SubmittedByUserId = user.Id, SubmittedAt = T3 });

        Advisory NewAdvisory(AdvisoryState state, params IndicatorValue[] indicators)
        {
            var audience = new Audience { Id = Guid.CreateVersion7() };
            db.Audiences.Add(audience);
            var advisory = new Advisory
            {
                Id = Guid.CreateVersion7(),
                Content = new AdvisoryContent { Title = "古い注意喚起", Indicators = indicators },
                Tlp = Tlp.Clear,
                State = state,
                OwnerOrganisationId = org.Id,
                CreatedByUserId = user.Id,
                AudienceId = audience.Id,
                CreatedAt = T1,
                UpdatedAt = T2,
                PublishedAt = state == AdvisoryState.Draft ? null : T1,
                Revision = state == AdvisoryState.Draft ? 0 : 2,
            };
            db.Advisories.Add(advisory);
            return advisory;
        }
        var advisory = NewAdvisory(AdvisoryState.Published, Ip("192.0.2.1"), new IndicatorValue(IndicatorType.Cve, "CVE-2024-12345"));
        db.AdvisoryRevisions.Add(new AdvisoryRevision { AdvisoryId = advisory.Id, Number = 1, Content = new AdvisoryContent { Indicators = [Ip("192.0.2.1")] }, PublishedByUserId = user.Id, PublishedAt = T1 });
        db.AdvisoryRevisions.Add(new AdvisoryRevision { AdvisoryId = advisory.Id, Number = 2, Content = advisory.Content, PublishedByUserId = user.Id, PublishedAt = T2 });
        var draft = NewAdvisory(AdvisoryState.Draft, Ip("192.0.2.9"));

        await db.SaveChangesAsync();
        var set = await OlderSetAsync(org.Id, user.Id,
        [
            Indicator("indicator--00000000-0000-4000-8000-000000000001", "[ipv4-addr:value = '192.0.2.1']", "2026-04-01T00:00:00Z"),
            // A newer version of the same indicator changes its pattern: only the newest counts.
            Indicator("indicator--00000000-0000-4000-8000-000000000002", "[ipv4-addr:value = '192.0.2.7']", "2026-04-01T00:00:00Z"),
            Indicator("indicator--00000000-0000-4000-8000-000000000002", "[ipv4-addr:value = '192.0.2.3']", "2026-04-02T00:00:00Z"),
            // Neither a compound pattern nor another pattern language correlates.
            Indicator("indicator--00000000-0000-4000-8000-000000000003", "[ipv4-addr:value = '192.0.2.8'] OR [ipv4-addr:value = '192.0.2.1']", "2026-04-01T00:00:00Z"),
        ]);
        return (report.Id, advisory.Id, draft.Id, set);
    }

    private static StixObjectDraft Indicator(string id, string pattern, string version) => new(id, "indicator", "2.1",
        DateTime.Parse(version, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal),
        JsonSerializer.Serialize(new Dictionary<string, object> { ["type"] = "indicator", ["id"] = id, ["pattern"] = pattern, ["pattern_type"] = "stix", ["modified"] = version }));

    /// <summary>A set imported before correlation existed: its objects stored, no occurrences.</summary>
    private async Task<Guid> OlderSetAsync(Guid organisationId, Guid userId, IReadOnlyList<StixObjectDraft> objects)
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
        var setAudience = new Audience { Id = Guid.CreateVersion7() };
        var set = new IndicatorSet
        {
            Id = Guid.CreateVersion7(),
            Title = "古いセット",
            Tlp = Tlp.Green,
            OwnerOrganisationId = organisationId,
            CreatedByUserId = userId,
            AudienceId = setAudience.Id,
            Audience = setAudience,
            Channel = StixChannel.Api,
            Sha256 = "",
            ImportedAt = T2,
        };
        db.Audiences.Add(setAudience);
        db.IndicatorSets.Add(set);
        await db.SaveChangesAsync();
        await using var unit = await UnitOfWork.BeginAsync(db);
        await scope.ServiceProvider.GetRequiredService<StixStore>().AppendAsync(StixSourceKind.IndicatorSet, set.Id, objects, [], T2);
        await unit.CommitAsync();
        return set.Id;
    }

    /// <summary>Large sets are read a chunk at a time (memory stays flat); every object is still counted once.</summary>
    [Fact]
    public async Task Backfill_ReadsLargeSetsInChunks_EveryIndicatorOnce()
    {
        var org = await Data.OrganisationAsync();
        var user = await Data.UserAsync(org.Id, Role.Analyst);
        const int count = 25_003;
        var set = await OlderSetAsync(org.Id, user.Id, Enumerable.Range(0, count)
            .Select(i => Indicator($"indicator--{i:x8}-1111-4000-8000-000000000000", $"[ipv4-addr:value = '10.{i / 65536}.{i / 256 % 256}.{i % 256}']", "2026-04-01T00:00:00Z")).ToList());
        await BackfillAsync(force: true);
        var rows = await InScopeAsync(async sp => await sp.GetRequiredService<RenkeiDbContext>().IndicatorOccurrences.AsNoTracking()
            .Where(o => o.SourceId == set).Select(o => o.StixId!).ToListAsync());
        rows.Count.ShouldBe(count);
        rows.Distinct().Count().ShouldBe(count);
    }

    private async Task<List<string>> RowsAsync() => await InScopeAsync(async sp =>
        (await sp.GetRequiredService<RenkeiDbContext>().IndicatorOccurrences.AsNoTracking().ToListAsync())
            .Select(o => $"{o.SourceId}|{o.SourceKind}|{o.IndicatorType}|{o.Value}|{o.StixId}|{o.FirstSeenAt:O}")
            .Order(StringComparer.Ordinal)
            .ToList());

    private Task<CorrelationBackfill.Outcome> BackfillAsync(bool force) =>
        InScopeAsync(sp => sp.GetRequiredService<CorrelationBackfill>().RunAsync(force));

    [Fact]
    public async Task Backfill_CorrelatesOlderRecords_FromTheirHistory()
    {
        var (report, advisory, draft, set) = await OlderRecordsAsync();
        (await RowsAsync()).ShouldBeEmpty();

        var outcome = await BackfillAsync(force: true);
        outcome.Ran.ShouldBeTrue();
        (outcome.Reports, outcome.Advisories, outcome.IndicatorSets).ShouldBe((1, 1, 1));

        var rows = await RowsAsync();
        rows.ShouldBe(new[]
        {
            // A was in every version: first seen with the first; C from the update on; B was dropped.
            $"{report}|Report|Ipv4|192.0.2.1||{T1:O}",
            $"{report}|Report|Ipv4|192.0.2.3||{T2:O}",
            $"{advisory}|Advisory|Ipv4|192.0.2.1||{T1:O}",
            $"{advisory}|Advisory|Cve|CVE-2024-12345||{T2:O}",
            $"{set}|IndicatorSet|Ipv4|192.0.2.1|indicator--00000000-0000-4000-8000-000000000001|{T2:O}",
            $"{set}|IndicatorSet|Ipv4|192.0.2.3|indicator--00000000-0000-4000-8000-000000000002|{T2:O}",
        }.Order(StringComparer.Ordinal).ToList());
        rows.ShouldNotContain(r => r.StartsWith(draft.ToString(), StringComparison.Ordinal), "a draft is not shared");
    }

    [Fact]
    public async Task Backfill_IsIdempotent_RunsOncePerRulesVersion_AndRepairsDrift()
    {
        await OlderRecordsAsync();
        (await BackfillAsync(force: false)).Ran.ShouldBeTrue("no run is recorded for this rules version yet");
        var first = await RowsAsync();
        first.Count.ShouldBe(6);
        (await BackfillAsync(force: false)).Ran.ShouldBeFalse("start-up runs it once per rules version");
        (await RowsAsync()).ShouldBe(first);

        await BackfillAsync(force: true);
        (await RowsAsync()).ShouldBe(first);

        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<RenkeiDbContext>();
            await db.IndicatorOccurrences.Where(o => o.Value == "192.0.2.3").ExecuteDeleteAsync();
            await db.CorrelationBackfills.ExecuteDeleteAsync();
        });
        (await BackfillAsync(force: false)).Ran.ShouldBeTrue("no run recorded for the current rules version");
        (await RowsAsync()).ShouldBe(first);
        (await BackfillAsync(force: false)).Ran.ShouldBeFalse();
    }

    [Fact]
    public async Task Writes_RecordWhatTheBackfillWouldDerive()
    {
        var (report, _, _, _) = await OlderRecordsAsync();
        await BackfillAsync(force: true);
        var before = await RowsAsync();
        // A fourth version through the write path: keeps A and C, adds D.
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<RenkeiDbContext>();
            var t4 = T3.AddDays(1);
            var content = new ReportContent { Title = "古い報告", SectorCode = "electricity", Indicators = [Ip("192.0.2.1"), Ip("192.0.2.3"), Ip("192.0.2.4")] };
            db.ReportVersions.Add(new ReportVersion { ReportId = report, Number = 4, Stage = ReportStage.Final, Content = content, SubmittedByUserId = (await db.Reports.FirstAsync(r => r.Id == report)).ReporterUserId, SubmittedAt = t4 });
            await sp.GetRequiredService<IndicatorOccurrences>().StageAsync(OccurrenceSource.Report, report, content.Indicators, t4);
            await db.SaveChangesAsync();
        });
        var written = await RowsAsync();
        written.Except(before).ShouldBe([$"{report}|Report|Ipv4|192.0.2.4||{T3.AddDays(1):O}"]);
        await BackfillAsync(force: true);
        (await RowsAsync()).ShouldBe(written);
    }

    [Fact]
    public void FromHistory_FirstSightingIsTheStartOfTheUnbrokenRun()
    {
        var id = Guid.NewGuid();
        var rows = CorrelationBackfill.FromHistory(OccurrenceSource.Report, id,
        [
            (T1, [Ip("192.0.2.1"), Ip("192.0.2.2")]),
            (T2, [Ip("192.0.2.2")]),
            (T3, [Ip("192.0.2.1"), Ip("192.0.2.2")]),
        ]);
        rows.Single(r => r.Value == "192.0.2.1").FirstSeenAt.ShouldBe(T3, "dropped by the update, named again by the final report");
        rows.Single(r => r.Value == "192.0.2.2").FirstSeenAt.ShouldBe(T1);
        CorrelationBackfill.FromHistory(OccurrenceSource.Report, id, []).ShouldBeEmpty();
    }
}

public sealed class CorrelationBackfillTests_Sqlite() : CorrelationBackfillTests(DatabaseProvider.Sqlite);

public sealed class CorrelationBackfillTests_Postgres() : CorrelationBackfillTests(DatabaseProvider.Postgres);
