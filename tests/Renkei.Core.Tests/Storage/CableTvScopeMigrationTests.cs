using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Access;
using Renkei.Directory;
using Renkei.Storage;
using Renkei.Testing;

namespace Renkei.Core.Tests.Storage;

/// <summary>
/// Migration 0016 retires the invented business scope 'cable-tv' (seed 001 l.360 gives 電気通信 and
/// 放送 only). Data written against version 15 must come through: organisations, the CEPTOAR, the
/// audiences and the verification rules that named the old scope.
/// </summary>
public abstract class CableTvScopeMigrationTests(DatabaseProvider provider)
{
    private const string Operator = "0190A000-0000-7000-8000-000000000001";
    private const string Secretariat = "0190A000-0000-7000-8000-000000000002";
    private const string ScopeAudience = "0190A000-0000-7000-8000-0000000000A1";
    private const string BothAudience = "0190A000-0000-7000-8000-0000000000A2";

    [Fact]
    public async Task MigrateFrom15_CableTvScopeData_MovesUnderTelecommunications()
    {
        await using var database = await TestDatabase.CreateAsync(provider, DatabaseState.Empty);
        await using var services = database.BuildServices();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(15);
            var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
            const string at = "'2026-01-01 00:00:00'";
            foreach (var sql in new[]
            {
                $"INSERT INTO sectors (code, name_ja, name_en, sort_order, updated_at, version) VALUES ('telecom', '情報通信', 'ICT', 10, {at}, 1)",
                $"INSERT INTO business_scopes (code, sector_code, name_ja, name_en, sort_order, updated_at, version) VALUES ('telecommunications', 'telecom', '電気通信', 'Telecommunications', 10, {at}, 1)",
                $"INSERT INTO business_scopes (code, sector_code, name_ja, name_en, sort_order, updated_at, version) VALUES ('cable-tv', 'telecom', 'ケーブルテレビ', 'Cable television', 20, {at}, 1)",
                $"INSERT INTO organisations (id, code, name_ja, name_en, kind, sector_code, business_scope_code, created_at, updated_at, version) VALUES ('{Operator}', 'cable-op', 'ケーブル局', 'Cable operator', 'operator', 'telecom', 'cable-tv', {at}, {at}, 1)",
                $"INSERT INTO organisations (id, code, name_ja, name_en, kind, sector_code, business_scope_code, created_at, updated_at, version) VALUES ('{Secretariat}', 'jcta', '日本ケーブルテレビ連盟', 'JCTA', 'ceptoar_secretariat', 'telecom', 'cable-tv', {at}, {at}, 1)",
                $"INSERT INTO ceptoars (code, name_ja, name_en, sector_code, business_scope_code, sort_order, updated_at, version) VALUES ('cable-tv', 'ケーブルテレビ CEPTOAR', 'Cable TV CEPTOAR', 'telecom', 'cable-tv', 20, {at}, 1)",
                $"INSERT INTO ceptoar_memberships (ceptoar_code, organisation_id, role, created_at) VALUES ('cable-tv', '{Secretariat}', 'secretariat', {at})",
                $"INSERT INTO audiences (id) VALUES ('{ScopeAudience}')",
                $"INSERT INTO audiences (id) VALUES ('{BothAudience}')",
                $"INSERT INTO audience_members (audience_id, kind, key) VALUES ('{ScopeAudience}', 'business_scope', 'cable-tv')",
                $"INSERT INTO audience_members (audience_id, kind, key) VALUES ('{BothAudience}', 'business_scope', 'cable-tv')",
                $"INSERT INTO audience_members (audience_id, kind, key) VALUES ('{BothAudience}', 'ceptoar', 'cable-tv')",
                $"INSERT INTO verification_rules (code, sector_code, scopes, description_ja, description_en, any_outage, sort_order, updated_at, version) VALUES ('both', 'telecom', 'telecommunications;cable-tv', '', '', false, 10, {at}, 1)",
                $"INSERT INTO verification_rules (code, sector_code, scopes, description_ja, description_en, any_outage, sort_order, updated_at, version) VALUES ('only', 'telecom', 'cable-tv;broadcasting', '', '', false, 20, {at}, 1)",
            })
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }
        }
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
            var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
            (await db.BusinessScopes.Select(b => b.Code).ToListAsync()).ShouldBe(["telecommunications"]);
            (await db.Organisations.Where(o => o.Code == "cable-op" || o.Code == "jcta").Select(o => o.BusinessScopeCode).ToListAsync())
                .ShouldAllBe(s => s == "telecommunications");
            (await db.Ceptoars.SingleAsync(c => c.Code == "cable-tv")).BusinessScopeCode.ShouldBe("telecommunications", "the CEPTOAR keeps its code");
            var members = await db.CeptoarMemberships.Where(m => m.CeptoarCode == "cable-tv")
                .Select(m => new { m.Organisation!.Code, m.Role }).OrderBy(m => m.Code).ToListAsync();
            members.Select(m => (m.Code, m.Role)).ShouldBe([("cable-op", MembershipRole.Member), ("jcta", MembershipRole.Secretariat)],
                "operators of the old scope join the cable-TV CEPTOAR; the secretariat keeps its role");
            var audience = await db.AudienceMembers.Select(m => new { m.Kind, m.Key }).ToListAsync();
            audience.Count.ShouldBe(2, "the audience that named both collapses to one entry");
            audience.ShouldAllBe(m => m.Kind == AudienceKind.Ceptoar && m.Key == "cable-tv", "not widened to the whole of 電気通信");
            (await db.VerificationRules.OrderBy(r => r.SortOrder).Select(r => r.Scopes).ToListAsync())
                .ShouldBe(["telecommunications", "telecommunications;broadcasting"]);
        }
    }
}

public sealed class CableTvScopeMigrationTests_Sqlite() : CableTvScopeMigrationTests(DatabaseProvider.Sqlite);

public sealed class CableTvScopeMigrationTests_Postgres() : CableTvScopeMigrationTests(DatabaseProvider.Postgres);
