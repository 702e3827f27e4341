using System.Net;
using System.Net.Http.Json;
using Renkei.Testing;

namespace Renkei.Web.Tests.Infrastructure;

public abstract class HealthTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    [Fact]
    public async Task Healthz_Anonymous_ReportsDatabaseAndSchema()
    {
        var response = await app.Anonymous().GetAsync("/healthz");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        body!["status"].ToString().ShouldBe("ok");
        body["database"].ToString().ShouldBe(app.Provider == Renkei.Storage.DatabaseProvider.Sqlite ? "sqlite" : "postgresql");
    }
}

public sealed class HealthTests_Sqlite(SqliteApp app) : HealthTests<SqliteApp>(app);

public sealed class HealthTests_Postgres(PostgresApp app) : HealthTests<PostgresApp>(app);
