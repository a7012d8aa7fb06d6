using System.Net.Http.Headers;
using System.Net.Http.Json;
using CivicGrid.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CivicGrid.IntegrationTests.Infrastructure;

/// <summary>
/// The real app over HTTP on a real database: a fresh SQLite file, or a fresh PostgreSQL database (with PostGIS) created
/// for this app and dropped afterwards. No demo data: tests build their own with <see cref="A"/>.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    public DatabaseProvider Provider { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
    /// <summary>Open311 clients every test app knows (api key → channel account); the Open311 tests create the accounts.</summary>
    public const string Open311ApiKey = "test-open311-key", Open311UserName = "open311-test";
    public const string Open311StaffApiKey = "test-open311-staff-key", Open311StaffUserName = "open311-staff";
    readonly string _connection;
    readonly string _files = Path.Combine(Path.GetTempPath(), $"civicgrid-files-{Guid.NewGuid():N}");
    readonly string? _postgresDatabase;
    /// <summary>A second instance on another app's database: it leaves the database to its owner.</summary>
    bool _peer;
    /// <summary>Settings of this app beyond the test defaults (e.g. a smaller upload limit).</summary>
    IReadOnlyDictionary<string, string> _settings = new Dictionary<string, string>();

    TestApp(DatabaseProvider provider, string connection, string? postgresDatabase)
    {
        Provider = provider;
        _connection = connection;
        _postgresDatabase = postgresDatabase;
    }

    public static async Task<TestApp> StartAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string>? settings = null)
    {
        TestApp app;
        if (provider == DatabaseProvider.Postgres)
        {
            var admin = Environment.GetEnvironmentVariable(OnPostgresAttribute.Variable)!;
            var name = $"cg_test_{Guid.NewGuid():N}";
            await using (var conn = new NpgsqlConnection(admin))
            {
                await conn.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
                await create.ExecuteNonQueryAsync();
            }
            var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
            app = new TestApp(provider, builder.ConnectionString, name);
        }
        else
        {
            var file = Path.Combine(Path.GetTempPath(), $"civicgrid-test-{Guid.NewGuid():N}.db");
            app = new TestApp(provider, $"Data Source={file}", null);
        }
        if (settings is not null) app._settings = settings;
        _ = app.Server; // starts the host: migrations run here
        return app;
    }

    /// <summary>Another instance of the app on this one's database, as a second server behind a load balancer.</summary>
    public TestApp Peer()
    {
        var peer = new TestApp(Provider, _connection, _postgresDatabase) { _peer = true };
        peer.Clock.SetUtcNow(Clock.GetUtcNow());
        _ = peer.Server;
        return peer;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:CivicGrid", _connection);
        builder.UseSetting("Demo:SeedOnStart", "false");
        builder.UseSetting("Cases:SweepOnTimer", "false");
        builder.UseSetting("Cases:FiguresOnTimer", "false");
        builder.UseSetting("Points:ProjectOnTimer", "false");
        builder.UseSetting("Files:Root", _files);
        builder.UseSetting("Open311:Clients:0:ApiKey", Open311ApiKey);
        builder.UseSetting("Open311:Clients:0:UserName", Open311UserName);
        builder.UseSetting("Open311:Clients:1:ApiKey", Open311StaffApiKey);
        builder.UseSetting("Open311:Clients:1:UserName", Open311StaffUserName);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A client signed in with a bearer token from POST /api/auth/token.</summary>
    public async Task<HttpClient> ClientFor(string userName, string password = A.Password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    sealed record TokenResponse(string AccessToken);

    /// <summary>A DbContext outside scope, for arranging data and checking what was (not) written.</summary>
    public CivicGridDbContext Db() => SystemDb.Open(Services.CreateScope().ServiceProvider);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_files)) Directory.Delete(_files, recursive: true);
        if (_peer) return;
        if (_postgresDatabase is null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var file = _connection["Data Source=".Length..];
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }) if (File.Exists(f)) File.Delete(f);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(Environment.GetEnvironmentVariable(OnPostgresAttribute.Variable));
        await conn.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", conn);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>One app per provider per test class, started on first use.</summary>
public sealed class Apps : IAsyncLifetime
{
    readonly Dictionary<DatabaseProvider, Task<TestApp>> _apps = new();
    readonly object _gate = new();

    public Task<TestApp> For(DatabaseProvider provider)
    {
        lock (_gate)
        {
            if (!_apps.TryGetValue(provider, out var app)) _apps[provider] = app = TestApp.StartAsync(provider);
            return app;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values) await (await app).DisposeAsync();
    }
}
