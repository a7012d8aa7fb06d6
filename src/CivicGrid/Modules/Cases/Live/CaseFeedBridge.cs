using System.Text.Json;
using System.Threading.Channels;
using Npgsql;

namespace CivicGrid.Modules.Cases.Live;

/// <summary>
/// Carries case changes between app instances that share one PostgreSQL database, by LISTEN/NOTIFY: what this instance
/// announces on its <see cref="CaseFeed"/> is sent on <see cref="ChannelName"/>, and what another instance sent is
/// announced here, so a queue open on one instance shows a case made through another at once (docs/adr/0009).
/// Registered on PostgreSQL only; a SQLite database has one instance by nature.
/// </summary>
/// <remarks>
/// Sending happens off the request, in batches, on a pooled connection; listening holds one connection of its own and
/// reconnects after a failure. A change lost in between (a restart, a broken connection, a full queue) costs nothing
/// but latency: pages still refresh every <c>CaseRefresh.Period</c>. Payloads are the <see cref="CaseChange"/>, which
/// carries ids and states, no personal data.
/// </remarks>
sealed class CaseFeedBridge(CaseFeed feed, string connectionString, ILogger<CaseFeedBridge> log) : BackgroundService
{
    public const string ChannelName = "civicgrid_case_changes";
    const int BatchSize = 100;
    static readonly TimeSpan Retry = TimeSpan.FromSeconds(5);

    readonly Guid _instance = Guid.NewGuid();
    readonly Channel<CaseChange> _outgoing = Channel.CreateBounded<CaseChange>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    sealed record Message(Guid Instance, CaseChange Change);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        feed.Changed += Outgoing;
        try { await Task.WhenAll(ListenAsync(ct), SendAsync(ct)); }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        finally { feed.Changed -= Outgoing; }
    }

    // Changes heard from other instances are announced on the same feed: they must not be sent back.
    void Outgoing(CaseChange change)
    {
        if (!change.FromOtherInstance) _outgoing.Writer.TryWrite(change);
    }

    async Task SendAsync(CancellationToken ct)
    {
        var payloads = new List<string>(BatchSize);
        while (await _outgoing.Reader.WaitToReadAsync(ct))
        {
            payloads.Clear();
            while (payloads.Count < BatchSize && _outgoing.Reader.TryRead(out var change))
                payloads.Add(JsonSerializer.Serialize(new Message(_instance, change)));
            try
            {
                await using var conn = new NpgsqlConnection(connectionString);
                await conn.OpenAsync(ct);
                await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, p) FROM unnest(@payloads) AS p", conn);
                notify.Parameters.AddWithValue("channel", ChannelName);
                notify.Parameters.AddWithValue("payloads", payloads.ToArray());
                await notify.ExecuteNonQueryAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Could not tell other instances about {Count} case changes; their pages catch up on refresh", payloads.Count);
            }
        }
    }

    async Task ListenAsync(CancellationToken ct)
    {
        // A connection of its own, outside the pool, with keepalives so a silently dropped link is noticed.
        var listen = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var conn = new NpgsqlConnection(listen);
                await conn.OpenAsync(ct);
                conn.Notification += (_, e) => Incoming(e.Payload);
                await using (var command = new NpgsqlCommand($"LISTEN {ChannelName}", conn)) await command.ExecuteNonQueryAsync(ct);
                while (true) await conn.WaitAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Listening for other instances' case changes failed; retrying in {Seconds} s", Retry.TotalSeconds);
                await Task.Delay(Retry, ct);
            }
        }
    }

    void Incoming(string payload)
    {
        Message? message;
        try { message = JsonSerializer.Deserialize<Message>(payload); }
        catch (JsonException e) { log.LogWarning(e, "Ignored an unreadable case change from another instance"); return; }
        if (message is null || message.Instance == _instance) return;
        feed.Publish([message.Change with { FromOtherInstance = true }]);
    }
}
