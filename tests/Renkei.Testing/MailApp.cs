using Renkei.Storage;

namespace Renkei.Testing;

/// <summary>The web host with e-mail notifications going to a local SMTP sink.</summary>
public abstract class MailApp(DatabaseProvider provider) : RenkeiApp(provider)
{
    public SmtpSink Smtp { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Renkei:Mail:SmtpHost"] = "127.0.0.1",
        ["Renkei:Mail:SmtpPort"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Renkei:Mail:From"] = "renkei@renkei.test",
        ["Renkei:Mail:PublicUrl"] = "https://renkei.test",
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp.Dispose();
    }
}

public sealed class SqliteMailApp() : MailApp(DatabaseProvider.Sqlite);

public sealed class PostgresMailApp() : MailApp(DatabaseProvider.Postgres);
