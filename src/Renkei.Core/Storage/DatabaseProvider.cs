namespace Renkei.Storage;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
