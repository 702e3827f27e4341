using System.Diagnostics;

namespace Renkei.Web.Tests.Architecture;

/// <summary>
/// Counts the SQL commands EF Core sends while a piece of test code runs, through EF's diagnostic
/// events. Only commands issued in the counting code's own async flow are counted (the test server
/// is told to carry the test's execution context into the request), so background workers of the
/// same host and tests running in parallel do not disturb the figure.
/// </summary>
public sealed class QueryCounter : IDisposable
{
    private const string CommandExecuting = "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuting";
    private static readonly AsyncLocal<QueryCounter?> Current = new();
    private static readonly object Gate = new();
    private static bool _subscribed;
    private readonly List<string> _commands = [];
    private readonly QueryCounter? _outer;

    private QueryCounter()
    {
        _outer = Current.Value;
        Current.Value = this;
    }

    /// <summary>Starts counting in this async flow until disposed.</summary>
    public static QueryCounter Start()
    {
        lock (Gate)
        {
            if (!_subscribed)
            {
                DiagnosticListener.AllListeners.Subscribe(new ListenerObserver());
                _subscribed = true;
            }
        }
        return new QueryCounter();
    }

    public int Count
    {
        get
        {
            lock (_commands)
            {
                return _commands.Count;
            }
        }
    }

    /// <summary>The commands' SQL, for the failure message.</summary>
    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (_commands)
            {
                return [.. _commands];
            }
        }
    }

    public void Dispose() => Current.Value = _outer;

    private void Record(string sql)
    {
        lock (_commands)
        {
            _commands.Add(sql);
        }
    }

    private sealed class ListenerObserver : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == "Microsoft.EntityFrameworkCore")
            {
                listener.Subscribe(new EventObserver(), name => name == CommandExecuting);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class EventObserver : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == CommandExecuting && Current.Value is { } counter
                && value.Value is Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData data)
            {
                counter.Record(data.Command.CommandText);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
