using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Storage;
using Renkei.Testing;

namespace Renkei.Core.Tests.Storage;

/// <summary>
/// Migration 0017 moves "who may know the reporter" onto each hop. Reports written against
/// version 16 keep their meaning: a named report discloses its reporter to every hop, an
/// anonymised one only to the relaying secretariat (the anonymity holder).
/// </summary>
public abstract class HopDisclosureMigrationTests(DatabaseProvider provider)
{
    private const string Operator = "0190B000-0000-7000-8000-000000000001";
    private const string Secretariat = "0190B000-0000-7000-8000-000000000002";
    private const string Ministry = "0190B000-0000-7000-8000-000000000003";
    private const string Centre = "0190B000-0000-7000-8000-000000000004";
    private const string User = "0190B000-0000-7000-8000-0000000000E1";
    private const string Named = "0190B000-0000-7000-8000-0000000000B1";
    private const string Anonymised = "0190B000-0000-7000-8000-0000000000B2";

    [Fact]
    public async Task MigrateFrom16_ExistingHops_DiscloseAsTheReportDid()
    {
        await using var database = await TestDatabase.CreateAsync(provider, DatabaseState.Empty);
        await using var services = database.BuildServices();
        var (no, yes) = provider == DatabaseProvider.Postgres ? ("false", "true") : ("0", "1");
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(16);
            var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
            const string at = "'2026-01-01 00:00:00'";
            string Org(string id, string code, string kind) =>
                $"INSERT INTO organisations (id, code, name_ja, name_en, kind, created_at, updated_at, version) VALUES ('{id}', '{code}', '{code}', '{code}', '{kind}', {at}, {at}, 1)";
            string Report(string id, string anonymous, string holder) =>
                "INSERT INTO reports (id, reporting_organisation_id, reporter_user_id, state, stage, route, anonymous, anonymity_holder_id, shared_with_sector, tlp, content, kind, sector_code, threat_category, title, created_at, updated_at, version) "
                + $"VALUES ('{id}', '{Operator}', '{User}', 'submitted', 'first', 'ceptoar', {anonymous}, {holder}, {no}, 'amber', '-', 'near_miss', 'electricity', 'cyber_attack', 't', {at}, {at}, 1)";
            string Hop(string report, int ordinal, string recipient, string role) =>
                $"INSERT INTO report_hops (report_id, ordinal, recipient_organisation_id, role, received_at) VALUES ('{report}', {ordinal}, '{recipient}', '{role}', {at})";
            foreach (var sql in new[]
            {
                Org(Operator, "op", "operator"), Org(Secretariat, "sec", "ceptoar_secretariat"), Org(Ministry, "min", "ministry"), Org(Centre, "nisc", "national_centre"),
                "INSERT INTO users (id, display_name, organisation_id, preferred_language, must_change_password, created_at, email_confirmed, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count) "
                    + $"VALUES ('{User}', 'u', '{Operator}', 'ja', {no}, {at}, {no}, {no}, {no}, {no}, 0)",
                Report(Named, no, "NULL"), Report(Anonymised, yes, $"'{Secretariat}'"),
                Hop(Named, 1, Ministry, "ministry"), Hop(Named, 2, Centre, "national_centre"),
                Hop(Anonymised, 1, Secretariat, "secretariat"), Hop(Anonymised, 2, Ministry, "ministry"), Hop(Anonymised, 3, Centre, "national_centre"),
            })
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }
        }
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
            var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
            var hops = await db.ReportHops.OrderBy(h => h.ReportId).ThenBy(h => h.Ordinal)
                .Select(h => new { h.ReportId, h.Ordinal, h.ReporterDisclosed }).ToListAsync();
            hops.Where(h => h.ReportId == Guid.Parse(Named)).Select(h => h.ReporterDisclosed).ShouldBe([true, true], "a named report disclosed its reporter to every hop");
            hops.Where(h => h.ReportId == Guid.Parse(Anonymised)).Select(h => h.ReporterDisclosed).ShouldBe([true, false, false],
                "an anonymised report disclosed it only to the secretariat that holds the identity");
        }
    }
}

public sealed class HopDisclosureMigrationTests_Sqlite() : HopDisclosureMigrationTests(DatabaseProvider.Sqlite);

public sealed class HopDisclosureMigrationTests_Postgres() : HopDisclosureMigrationTests(DatabaseProvider.Postgres);
