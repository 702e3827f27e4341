using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Assessments;
using Renkei.Storage;
using Renkei.Testing;

namespace Renkei.Core.Tests.Assessments;

/// <summary>
/// The shipped penetration survey (浸透状況調査): the seed's question categories with the PDCA grid
/// as optional sections, stored once however often start-up runs, within PostgreSQL's column limits.
/// </summary>
public abstract class PenetrationSurveySeederTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    protected override DatabaseState InitialState => DatabaseState.Empty;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await InScopeAsync(sp => sp.GetRequiredService<SchemaMigrator>().MigrateAsync());
    }

    [Fact]
    public void Document_HoldsTheSeedsCategories_AndThePdcaGridAsOptional()
    {
        var doc = PenetrationSurveySeeder.Load();
        var built = FrameworkDocuments.Build(doc, i => $"items[{i}].");
        built.Ok.ShouldBeTrue();
        var f = built.Value!;
        f.Code.ShouldBe(PenetrationSurveySeeder.Code);
        f.Kind.ShouldBe(FrameworkKind.Survey);
        f.Items.Count.ShouldBeInRange(30, 40);
        f.Items.Where(i => i.ParentCode is null).Select(i => i.Code)
            .ShouldBe(["awareness", "rules", "self_inspection", "exercises", "internal_audit", "external_audit", "pdca_plan", "pdca_do", "pdca_check"]);
        f.Items.Where(i => i.Code.StartsWith("pdca", StringComparison.Ordinal)).ShouldAllBe(i => !i.Required);
        f.Items.Where(i => i.ParentCode is null && !i.Code.StartsWith("pdca", StringComparison.Ordinal)).ShouldAllBe(i => i.Required);
        f.Items.ShouldAllBe(i => i.Seed != null && i.Seed.StartsWith("seed ", StringComparison.Ordinal));
        f.Items.Single(i => i.Code == "pdca_check.audits").TextJa.ShouldBe("内部監査・外部監査を通じた課題抽出");
    }

    [Fact]
    public async Task SeedAsync_StoresTheSurveyOnce_HoweverOftenItRuns()
    {
        var first = await InScopeAsync(sp => sp.GetRequiredService<PenetrationSurveySeeder>().SeedAsync());
        var second = await InScopeAsync(sp => sp.GetRequiredService<PenetrationSurveySeeder>().SeedAsync());
        second.Id.ShouldBe(first.Id);
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<RenkeiDbContext>();
            (await db.AssessmentFrameworks.CountAsync(f => f.Code == PenetrationSurveySeeder.Code)).ShouldBe(1);
            var stored = await db.AssessmentFrameworks.Include(f => f.Items).SingleAsync(f => f.Code == PenetrationSurveySeeder.Code);
            stored.Items.Count.ShouldBe(PenetrationSurveySeeder.Load().Items!.Count);
            stored.TitleJa.ShouldBe("安全基準等の浸透状況等に関する調査");
            stored.Items.Single(i => i.Code == "rules.reviewed").ParentCode.ShouldBe("rules");
        });
    }
}

public sealed class PenetrationSurveySeederTests_Sqlite() : PenetrationSurveySeederTests(DatabaseProvider.Sqlite);

public sealed class PenetrationSurveySeederTests_Postgres() : PenetrationSurveySeederTests(DatabaseProvider.Postgres);
