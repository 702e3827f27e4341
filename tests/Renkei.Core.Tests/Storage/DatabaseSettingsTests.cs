using Microsoft.Extensions.Configuration;
using Renkei.Storage;

namespace Renkei.Core.Tests.Storage;

public sealed class DatabaseSettingsTests
{
    private static DatabaseSettings From(params (string Key, string Value)[] pairs) =>
        DatabaseSettings.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(pairs.ToDictionary(p => p.Key, p => (string?)p.Value)).Build());

    [Fact]
    public void Default_IsSqliteUnderDataDirectory()
    {
        var settings = From(("RENKEI_DATA_DIR", "/srv/renkei"));
        settings.Provider.ShouldBe(DatabaseProvider.Sqlite);
        settings.ConnectionString.ShouldContain("/srv/renkei/renkei.db");
    }

    [Fact]
    public void Url_BecomesNpgsqlConnectionString_WithEscapesAndOptions()
    {
        var settings = From(("RENKEI_DATABASE_URL", "postgres://ren%40kei:p%3Ass@db.example.jp:6543/renkei?sslmode=require"));
        settings.Provider.ShouldBe(DatabaseProvider.Postgres);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(settings.ConnectionString);
        builder.Host.ShouldBe("db.example.jp");
        builder.Port.ShouldBe(6543);
        builder.Database.ShouldBe("renkei");
        builder.Username.ShouldBe("ren@kei");
        builder.Password.ShouldBe("p:ss");
        builder.SslMode.ShouldBe(Npgsql.SslMode.Require);
        settings.Describe().ShouldNotContain("p:ss");
    }

    [Fact]
    public void Url_WinsOverConnectionString_AndConnectionStringPicksItsProvider()
    {
        From(("RENKEI_DATABASE_URL", "postgresql://u@h/d"), ("ConnectionStrings:Renkei", "Data Source=x.db")).Provider.ShouldBe(DatabaseProvider.Postgres);
        From(("ConnectionStrings:Renkei", "Data Source=x.db")).Provider.ShouldBe(DatabaseProvider.Sqlite);
        From(("ConnectionStrings:Renkei", "Host=h;Database=d")).Provider.ShouldBe(DatabaseProvider.Postgres);
    }

    [Fact]
    public void Nonsense_IsRefusedWithAClearMessage()
    {
        Should.Throw<InvalidOperationException>(() => From(("RENKEI_DATABASE_URL", "mysql://x/y"))).Message.ShouldContain("postgres://");
        Should.Throw<InvalidOperationException>(() => From(("ConnectionStrings:Renkei", "Server-ish nonsense"))).Message.ShouldContain("neither");
    }
}
