using Microsoft.Extensions.DependencyInjection;
using Renkei.Storage;
using Xunit;

namespace Renkei.Testing;

/// <summary>
/// Base of data tests that run on both providers: a subclass per provider
/// (<c>FooTests_Sqlite</c>, <c>FooTests_Postgres</c>) inherits every test. Each test gets its own
/// fresh database.
/// </summary>
public abstract class DatabaseTest(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;
    private ServiceProvider? _services;

    protected DatabaseProvider Provider => provider;
    protected TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");
    protected ServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialised.");
    protected virtual DatabaseState InitialState => DatabaseState.Seeded;

    public virtual async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider, InitialState);
        _services = _database.BuildServices();
    }

    public virtual async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>A fresh scope (and DbContext), as one request would have.</summary>
    protected AsyncServiceScope Scope() => Services.CreateAsyncScope();

    protected async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Scope();
        return await action(scope.ServiceProvider);
    }

    protected async Task InScopeAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = Scope();
        await action(scope.ServiceProvider);
    }

    protected TestData Data => new(Services);
}
