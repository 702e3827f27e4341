using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Storage;
using Renkei.Testing;

namespace Renkei.Web.Tests.Directory;

public abstract class CsvImportApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private async Task<JsonElement> ImportAsync(string path, string csv)
    {
        var content = new StringContent(csv, new UTF8Encoding(true), "text/csv");
        var response = await app.Admin().PostAsync(path, content);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Organisations_GoodRowsApplied_BadRowsReportedWithLineAndChangeNothing()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var csv = $"""
            code,name_ja,name_en,kind,sector,business_scope,ceptoars,primary_contact_name,primary_contact_email
            op-{tag}-a,北電力{tag},North Power {tag},operator,electricity,electricity,electricity,当番,soc@north.example.jp
            op-{tag}-b,南ガス{tag},South Gas {tag},operator,gas,banking,,当番,soc@south.example.jp
            op-{tag}-c,"西水道, {tag}",West Water {tag},operator,water,water,water,,
            op-{tag}-d,東銀行{tag},East Bank {tag},bank,finance,banking,,,
            op-{tag}-e,中央病院{tag},Central Hospital {tag},operator,medical,medical,medical,当番,not-an-email
            """;
        var report = await ImportAsync("/api/v1/import/organisations", csv);
        report.GetProperty("rows").GetInt32().ShouldBe(5);
        report.GetProperty("created").GetInt32().ShouldBe(2);
        report.GetProperty("rejected").GetInt32().ShouldBe(3);
        var errors = report.GetProperty("errors").EnumerateArray().Select(e => (Line: e.GetProperty("line").GetInt32(), Field: e.GetProperty("field").GetString())).ToList();
        errors.ShouldContain((3, "business_scope"));
        errors.ShouldContain((5, "kind"));
        errors.ShouldContain((6, "primary_contact_email"));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
        (await db.Organisations.AnyAsync(o => o.Code == $"op-{tag}-b")).ShouldBeFalse();
        (await db.Organisations.AnyAsync(o => o.Code == $"op-{tag}-e")).ShouldBeFalse("a row whose contact fails leaves no organisation behind");
        var west = await db.Organisations.Include(o => o.CeptoarMemberships).SingleAsync(o => o.Code == $"op-{tag}-c");
        west.NameJa.ShouldBe($"西水道, {tag}");
        west.CeptoarMemberships.Select(m => m.CeptoarCode).ShouldBe(["water"]);
        var north = await db.Organisations.Include(o => o.Contacts).SingleAsync(o => o.Code == $"op-{tag}-a");
        north.Contacts.Single().Email.ShouldBe("soc@north.example.jp");
    }

    [Fact]
    public async Task Organisations_ExportThenImport_RoundTripsWithoutChanges()
    {
        var export = await app.Admin().GetAsync("/api/v1/export/organisations");
        export.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await export.Content.ReadAsByteArrayAsync();
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }, "a BOM lets Excel show Japanese");
        var csv = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        csv.ShouldContain("内閣サイバーセキュリティセンター");
        var report = await ImportAsync("/api/v1/import/organisations", csv);
        report.GetProperty("rejected").GetInt32().ShouldBe(0, report.ToString());
        report.GetProperty("created").GetInt32().ShouldBe(0);
        report.GetProperty("updated").GetInt32().ShouldBe(0, "re-importing an export changes nothing");
        report.GetProperty("unchanged").GetInt32().ShouldBe(report.GetProperty("rows").GetInt32());
    }

    [Fact]
    public async Task Users_CreatedWithOneTimePasswords_BadRowsReported()
    {
        var org = await app.Data.OrganisationAsync(name: "CSV Rail");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var csv = $"""
            email,display_name,organisation,roles,language
            a{tag}@rail.example.jp,運転指令 一郎,{org.Id},reporter;viewer,ja
            b{tag}@rail.example.jp,Signals Two,{org.Id},pilot,en
            c{tag}@rail.example.jp,Three,no-such-org,viewer,ja
            d{tag}@rail.example.jp,情報 四郎,nisc,auditor,ja
            """;
        var report = await ImportAsync("/api/v1/import/users", csv);
        report.GetProperty("created").GetInt32().ShouldBe(2);
        var errors = report.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("field").GetString())).ToList();
        errors.ShouldBe([(3, "roles"), (4, "organisation")]);
        var passwords = report.GetProperty("temporaryPasswords").EnumerateArray().Select(p => p.GetProperty("email").GetString()).ToList();
        passwords.ShouldBe([$"a{tag}@rail.example.jp", $"d{tag}@rail.example.jp"]);
    }

    [Fact]
    public async Task Import_ByNonAdmin_403()
    {
        var (client, _, _) = await app.OperatorAsync("electricity", null, Renkei.Identity.Role.Admin);
        var response = await client.PostAsync("/api/v1/import/organisations", new StringContent("name_ja,name_en,kind\nx,x,operator\n", Encoding.UTF8, "text/csv"));
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class CsvImportApiTests_Sqlite(SqliteApp app) : CsvImportApiTests<SqliteApp>(app);

public sealed class CsvImportApiTests_Postgres(PostgresApp app) : CsvImportApiTests<PostgresApp>(app);
