using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Renkei.Storage;

/// <summary>
/// SQLite has one writer at a time. Without this, concurrent requests that begin a transaction
/// meet SQLITE_BUSY, and Microsoft.Data.Sqlite retries by sleeping a thread 150 ms at a time, so a
/// few concurrent writes cost whole fractions of a second and block pool threads. Writers in this
/// process instead wait their turn here, asynchronously and in order; other processes on the same
/// file (the CLI) still meet SQLite's own locking and its retries.
/// </summary>
/// <remarks>One gate per database file, shared by every service provider in the process (tests run several apps).</remarks>
public static class SqliteWriteGate
{
    /// <summary>As long as Microsoft.Data.Sqlite's default command timeout: a writer never waits longer than it would have.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static async Task<IDbContextTransaction> BeginAsync(DatabaseFacade database, CancellationToken ct)
    {
        var gate = Gates.GetOrAdd(Key(database.GetConnectionString()!), _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(Timeout, ct))
        {
            throw new TimeoutException($"The database stayed busy with other writes for {Timeout.TotalSeconds:F0} s.");
        }
        try
        {
            return new GatedTransaction(await database.BeginTransactionAsync(ct), gate);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    private static string Key(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return source.StartsWith("file:", StringComparison.Ordinal) || source == ":memory:" ? connectionString : Path.GetFullPath(source);
    }

    /// <summary>The transaction, releasing the gate once: when it commits, rolls back or is disposed, whichever comes first.</summary>
    private sealed class GatedTransaction(IDbContextTransaction inner, SemaphoreSlim gate) : IDbContextTransaction, IInfrastructure<DbTransaction>
    {
        private int _released;

        public Guid TransactionId => inner.TransactionId;
        public bool SupportsSavepoints => inner.SupportsSavepoints;
        DbTransaction IInfrastructure<DbTransaction>.Instance => inner.GetDbTransaction();

        // The writer's turn ends with the transaction: at commit or rollback, not only when the
        // object is disposed (code may write again, in a new transaction, before disposing it).
        public void Commit() => Ending(inner.Commit);
        public Task CommitAsync(CancellationToken cancellationToken = default) => EndingAsync(inner.CommitAsync(cancellationToken));
        public void Rollback() => Ending(inner.Rollback);
        public Task RollbackAsync(CancellationToken cancellationToken = default) => EndingAsync(inner.RollbackAsync(cancellationToken));
        public void CreateSavepoint(string name) => inner.CreateSavepoint(name);
        public Task CreateSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.CreateSavepointAsync(name, cancellationToken);
        public void RollbackToSavepoint(string name) => inner.RollbackToSavepoint(name);
        public Task RollbackToSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.RollbackToSavepointAsync(name, cancellationToken);
        public void ReleaseSavepoint(string name) => inner.ReleaseSavepoint(name);
        public Task ReleaseSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.ReleaseSavepointAsync(name, cancellationToken);

        public void Dispose() => Ending(inner.Dispose);

        public async ValueTask DisposeAsync()
        {
            try
            {
                await inner.DisposeAsync();
            }
            finally
            {
                Release();
            }
        }

        private void Ending(Action end)
        {
            try
            {
                end();
            }
            finally
            {
                Release();
            }
        }

        private async Task EndingAsync(Task end)
        {
            try
            {
                await end;
            }
            finally
            {
                Release();
            }
        }

        private void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
