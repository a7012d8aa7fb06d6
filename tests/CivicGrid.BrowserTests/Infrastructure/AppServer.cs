using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CivicGrid.BrowserTests.Infrastructure;

/// <summary>
/// The real app as a separate process on Kestrel: a free loopback port, a fresh temporary SQLite file, the demo district
/// seeded on start. Run from the app's own build output so its static web assets (MudBlazor, Leaflet) are served as in
/// development.
/// </summary>
public sealed class AppServer : IAsyncDisposable
{
    static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    readonly Process _process;
    readonly string _database;
    readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    public Uri BaseUrl { get; }

    /// <summary>The app's SQLite file, for the few facts a test must lay down that no API writes yet (see <see cref="TestCatalog"/>).</summary>
    public string DatabasePath => _database;

    AppServer(Process process, string database, Uri baseUrl) => (_process, _database, BaseUrl) = (process, database, baseUrl);

    public static async Task<AppServer> StartAsync()
    {
        var (appDir, dll) = LocateApp();
        var port = FreePort();
        var database = Path.Combine(Path.GetTempPath(), $"civicgrid-browser-{Guid.NewGuid():N}.db");
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = appDir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ConnectionStrings__CivicGrid"] = $"Data Source={database}";
        info.Environment["Database__Provider"] = "Sqlite";
        info.Environment["Demo__SeedOnStart"] = "true";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the app.");
        var server = new AppServer(process, database, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => server.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => server.Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilReadyAsync();
        return server;
    }

    async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} while starting:\n{string.Join('\n', _output)}");
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { } // not listening yet: migrating and seeding
            catch (TaskCanceledException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException($"The app did not become ready within {StartTimeout}:\n{string.Join('\n', _output)}");
    }

    // The app's last lines of output, for the failure message when it does not start.
    void Remember(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 50) _output.TryDequeue(out _);
    }

    // The test project references the app, so the app's own output sits next to its project in the same configuration.
    static (string AppDir, string Dll) LocateApp()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory); // tests/CivicGrid.BrowserTests/bin/<Configuration>/<tfm>/
        var tfm = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CivicGrid.sln"))) root = root.Parent;
        if (root is null) throw new DirectoryNotFoundException("Repository root (CivicGrid.sln) not found above " + testBin.FullName);
        var appDir = Path.Combine(root.FullName, "src", "CivicGrid");
        var dll = Path.Combine(appDir, "bin", configuration, tfm, "CivicGrid.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("Build the app first.", dll);
        return (appDir, dll);
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
            File.Delete(file);
    }
}
