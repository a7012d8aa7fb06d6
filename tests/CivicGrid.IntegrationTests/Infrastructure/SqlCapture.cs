using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace CivicGrid.IntegrationTests.Infrastructure;

/// <summary>
/// Records the SQL EF sends to one PostgreSQL database (named, so other apps in the process are left out), with copies of
/// the parameters, so a test can EXPLAIN exactly what an endpoint ran. Listens to EF's diagnostic events: the app's
/// own configuration stays untouched. Start it with <see cref="StartAsync"/>: a pooled context's command logger decides
/// whether anyone listens at most once a second (EF's logging cache time) and keeps that answer across requests, so
/// capture is complete only from a second after subscribing.
/// </summary>
public sealed class SqlCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    public sealed record Command(string Sql, NpgsqlParameter[] Parameters);

    readonly string _database;
    readonly ConcurrentQueue<Command> _commands = new();
    readonly List<IDisposable> _subscriptions = [];
    volatile bool _stopped;

    SqlCapture(string database)
    {
        _database = database;
        lock (_subscriptions) _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    public static async Task<SqlCapture> StartAsync(string database)
    {
        var capture = new SqlCapture(database);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // past EF's default one-second logging cache time
        return capture;
    }

    public IReadOnlyList<Command> Commands => _commands.ToList();

    /// <summary>Stops recording; what was recorded stays.</summary>
    public void Dispose()
    {
        _stopped = true;
        lock (_subscriptions) foreach (var s in _subscriptions) s.Dispose();
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name) lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> e)
    {
        if (_stopped || e.Key != RelationalEventId.CommandExecuting.Name || e.Value is not CommandEventData data) return;
        if (data.Command is not NpgsqlCommand command || command.Connection?.Database != _database) return;
        _commands.Enqueue(new Command(command.CommandText, command.Parameters.Select(p => p.Clone()).ToArray()));
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }
    void IObserver<DiagnosticListener>.OnError(Exception error) { }
    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }
    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }
}
