using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Storage;
using Renkei.Testing;

namespace Renkei.Web.Tests.Api;

/// <summary>Malformed input gets a clear 4xx problem naming the field, never a 500, and writes nothing.</summary>
public abstract class BadInputTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private async Task<(HttpStatusCode Status, JsonElement Problem)> PostRawAsync(string path, byte[] body, string contentType = "application/json")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        var response = await app.Admin().PostAsync(path, content);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private Task<(HttpStatusCode Status, JsonElement Problem)> PostJsonAsync(string path, string json) => PostRawAsync(path, Encoding.UTF8.GetBytes(json));

    private Task<int> OrganisationCountAsync() => app.Services.CreateScope().ServiceProvider.GetRequiredService<RenkeiDbContext>().Organisations.CountAsync();

    [Fact]
    public async Task MalformedJson_400WithReason()
    {
        var before = await OrganisationCountAsync();
        var (status, problem) = await PostJsonAsync("/api/v1/organisations", "{\"nameJa\": \"x\", ");
        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString()!.ShouldContain("not well-formed JSON");
        (await OrganisationCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task WrongType_400NamesTheField()
    {
        var (status, problem) = await PostJsonAsync("/api/v1/organisations", "{\"nameJa\": 42, \"nameEn\": \"x\", \"kind\": \"operator\"}");
        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("nameJa", out _).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public async Task UnknownEnumValue_400NamesTheField()
    {
        var (status, problem) = await PostJsonAsync("/api/v1/organisations", "{\"nameJa\": \"x\", \"nameEn\": \"x\", \"kind\": \"spaceship\"}");
        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("kind", out _).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public async Task IntegerForEnum_400()
    {
        var (status, problem) = await PostJsonAsync("/api/v1/organisations", "{\"nameJa\": \"x\", \"nameEn\": \"x\", \"kind\": 3}");
        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("kind", out _).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public async Task UnknownField_400NamesTheField()
    {
        var (status, problem) = await PostJsonAsync("/api/v1/organisations", "{\"nameJa\": \"x\", \"nameEn\": \"x\", \"kind\": \"operator\", \"nmae\": \"typo\"}");
        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("nmae", out var reasons).ShouldBeTrue(problem.ToString());
        reasons[0].GetString().ShouldBe("is not a known field");
    }

    [Fact]
    public async Task DuplicateProperty_400()
    {
        var (status, _) = await PostJsonAsync("/api/v1/organisations", "{\"nameJa\": \"x\", \"nameJa\": \"y\", \"nameEn\": \"x\", \"kind\": \"operator\"}");
        status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task InvalidUtf8_400()
    {
        byte[] body = [.. Encoding.UTF8.GetBytes("{\"nameJa\": \""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\", \"nameEn\": \"x\", \"kind\": \"operator\"}")];
        var (status, _) = await PostRawAsync("/api/v1/organisations", body);
        status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task OversizedBody_413()
    {
        var huge = "{\"nameJa\": \"" + new string('あ', 600_000) + "\", \"nameEn\": \"x\", \"kind\": \"operator\"}";
        var (status, problem) = await PostJsonAsync("/api/v1/organisations", huge);
        status.ShouldBe(HttpStatusCode.RequestEntityTooLarge, problem.ToString());
    }

    [Fact]
    public async Task WrongContentType_415()
    {
        var (status, _) = await PostRawAsync("/api/v1/organisations", Encoding.UTF8.GetBytes("nameJa=x"), "application/x-www-form-urlencoded");
        status.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task MissingRequiredFields_400ListsEachField()
    {
        var (status, problem) = await PostJsonAsync("/api/v1/organisations", "{}");
        status.ShouldBe(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty("nameJa", out _).ShouldBeTrue();
        errors.TryGetProperty("nameEn", out _).ShouldBeTrue();
        errors.TryGetProperty("kind", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task SemanticErrors_400WithReasons_AndNothingWritten()
    {
        var before = await OrganisationCountAsync();
        var (status, problem) = await PostJsonAsync("/api/v1/organisations",
            "{\"nameJa\": \"x\", \"nameEn\": \"x\", \"kind\": \"operator\", \"sectorCode\": \"electricity\", \"businessScopeCode\": \"banking\", \"website\": \"javascript:alert(1)\"}");
        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("businessScopeCode")[0].GetString()!.ShouldContain("belongs to sector 'finance'");
        problem.GetProperty("errors").TryGetProperty("website", out _).ShouldBeTrue();
        (await OrganisationCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task BadQueryValue_400NamesTheParameter()
    {
        var response = await app.Admin().GetAsync("/api/v1/organisations?limit=lots");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty("limit", out _).ShouldBeTrue(problem.ToString());
        (await app.Admin().GetAsync("/api/v1/organisations?limit=100000")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AcceptLanguageJa_ProblemInJapanese()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/organisations") { Content = JsonContent.Create(new { nameJa = "", nameEn = "x", kind = "operator" }) };
        request.Headers.AcceptLanguage.ParseAdd("ja");
        var response = await app.Admin().SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.TryGetProperty("errors", out var errors).ShouldBeTrue(problem.ToString());
        errors.GetProperty("nameJa")[0].GetString().ShouldBe("必須です");
    }

    [Fact]
    public async Task CsvWithWrongColumns_400ListsThem()
    {
        var (status, problem) = await PostRawAsync("/api/v1/import/organisations", Encoding.UTF8.GetBytes("name,colour\nx,blue\n"), "text/csv");
        status.ShouldBe(HttpStatusCode.BadRequest);
        var reason = problem.GetProperty("errors").GetProperty("file")[0].GetString()!;
        reason.ShouldContain("missing columns: name_ja, name_en, kind");
        reason.ShouldContain("unknown columns: name, colour");
    }

    [Fact]
    public async Task CsvNotUtf8_400()
    {
        var sjis = new byte[] { 0x6E, 0x61, 0x6D, 0x65, 0x5F, 0x6A, 0x61, 0x0A, 0x93, 0xFA, 0x96, 0x7B, 0x0A }; // "name_ja\n日本" in Shift_JIS
        var (status, problem) = await PostRawAsync("/api/v1/import/organisations", sjis, "text/csv");
        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain("UTF-8");
    }

    [Fact]
    public async Task UnknownRecord_404ProblemNot500()
    {
        var response = await app.Admin().GetAsync($"/api/v1/organisations/{Guid.NewGuid()}");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await app.Admin().GetAsync("/api/v1/no-such-thing")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class BadInputTests_Sqlite(SqliteApp app) : BadInputTests<SqliteApp>(app);

public sealed class BadInputTests_Postgres(PostgresApp app) : BadInputTests<PostgresApp>(app);
