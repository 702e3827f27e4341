using Microsoft.EntityFrameworkCore.Storage;

namespace Renkei.Storage;

/// <summary>
/// A transaction that joins the caller's when there is one: a service that needs several writes
/// to be atomic works alone and inside a bigger unit (a CSV import row) alike.
/// </summary>
public sealed class UnitOfWork : IAsyncDisposable
{
    private readonly IDbContextTransaction? _owned;

    private UnitOfWork(IDbContextTransaction? owned) => _owned = owned;

    public static async Task<UnitOfWork> BeginAsync(RenkeiDbContext db, CancellationToken ct = default) =>
        new(db.Database.CurrentTransaction is null ? await db.BeginWriteAsync(ct) : null);

    public Task CommitAsync(CancellationToken ct = default) => _owned?.CommitAsync(ct) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
