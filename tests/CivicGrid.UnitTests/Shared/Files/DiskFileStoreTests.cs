using CivicGrid.Shared.Files;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CivicGrid.UnitTests.Shared.Files;

public sealed class DiskFileStoreTests : IDisposable
{
    // The store's root sits inside a folder of its own, so a file "just outside the root" is still the test's to remove.
    readonly string _base = Path.Combine(Path.GetTempPath(), $"civicgrid-files-{Guid.NewGuid():N}");
    readonly string _root;
    // 20:00 UTC is already the next day in China: the folder follows the UTC date.
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 20, 0, 0, TimeSpan.Zero));
    readonly DiskFileStore _store;

    public DiskFileStoreTests()
    {
        _root = Path.Combine(_base, "root");
        _store = new DiskFileStore(_root, _clock);
    }

    public void Dispose()
    {
        if (Directory.Exists(_base)) Directory.Delete(_base, recursive: true);
    }

    [Fact]
    public async Task Saved_bytes_come_back_under_a_dated_key()
    {
        var bytes = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray();

        var key = await _store.SaveAsync(new MemoryStream(bytes), ".jpg", CancellationToken.None);

        Assert.Matches(@"^2026/11/23/[0-9a-f]{32}\.jpg$", key);
        await using var stream = await _store.OpenAsync(key, CancellationToken.None);
        Assert.NotNull(stream);
        var read = new MemoryStream();
        await stream.CopyToAsync(read);
        Assert.Equal(bytes, read.ToArray());
    }

    [Fact]
    public async Task Two_saves_get_two_keys_and_no_temporary_file_is_left()
    {
        var a = await _store.SaveAsync(new MemoryStream([1]), ".png", CancellationToken.None);
        var b = await _store.SaveAsync(new MemoryStream([2]), ".png", CancellationToken.None);

        Assert.NotEqual(a, b);
        var files = Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_root, f).Replace('\\', '/'));
        Assert.Equal(new[] { a, b }.Order(), files.Order());
    }

    [Fact]
    public async Task A_cancelled_save_leaves_nothing_behind()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _store.SaveAsync(new MemoryStream(new byte[1000]), ".jpg", cancelled.Token));

        Assert.Empty(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Deleted_files_are_gone_and_deleting_again_is_fine()
    {
        var key = await _store.SaveAsync(new MemoryStream([1, 2, 3]), ".pdf", CancellationToken.None);

        await _store.DeleteAsync(key, CancellationToken.None);

        Assert.Null(await _store.OpenAsync(key, CancellationToken.None));
        await _store.DeleteAsync(key, CancellationToken.None);
        await _store.DeleteAsync("1999/01/01/00000000000000000000000000000000.jpg", CancellationToken.None);
    }

    [Fact]
    public async Task A_key_never_stored_opens_as_null() =>
        Assert.Null(await _store.OpenAsync("2026/11/23/0123456789abcdef0123456789abcdef.jpg", CancellationToken.None));

    [Theory]
    [InlineData("../secret.txt")]
    [InlineData("2026/11/../../../etc/passwd")]
    [InlineData("2026/11/23/../../../../0123456789abcdef0123456789abcdef.jpg")]
    [InlineData("/etc/passwd")]
    [InlineData("C:/Windows/win.ini")]
    [InlineData(@"2026\11\23\0123456789abcdef0123456789abcdef.jpg")]
    [InlineData(@"..\..\secret.txt")]
    [InlineData("2026/11/23/.0123456789abcdef0123456789abcdef.tmp")]
    [InlineData("")]
    public async Task Keys_that_could_leave_the_root_are_refused(string key)
    {
        // A file just outside the root that an escaping key would reach.
        Directory.CreateDirectory(_root);
        await File.WriteAllTextAsync(Path.Combine(_base, "secret.txt"), "x");

        await Assert.ThrowsAsync<ArgumentException>(() => _store.OpenAsync(key, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.DeleteAsync(key, CancellationToken.None));
    }

    [Theory]
    [InlineData("jpg")]
    [InlineData("./../x")]
    [InlineData(".j/g")]
    public async Task Extensions_must_be_plain(string extension) =>
        await Assert.ThrowsAsync<ArgumentException>(() => _store.SaveAsync(new MemoryStream([1]), extension, CancellationToken.None));

    [Fact]
    public void AddFiles_registers_a_store_under_the_content_root_and_the_configured_limits()
    {
        Directory.CreateDirectory(_base);   // a host needs its content root to exist
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _base });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Files:MaxFilesPerTransition"] = "4" });

        builder.AddFiles();
        using var host = builder.Build();

        var store = Assert.IsType<DiskFileStore>(host.Services.GetRequiredService<IFileStore>());
        Assert.Equal(Path.Combine(_base, "data", "files"), store.Root);
        var limits = host.Services.GetRequiredService<UploadLimits>();
        Assert.Equal((10L * 1024 * 1024, 20L * 1024 * 1024, 4), (limits.MaxPhotoBytes, limits.MaxDocumentBytes, limits.MaxFilesPerTransition));
    }

    [Fact]
    public void A_non_positive_limit_stops_the_app_at_start()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Files:MaxPhotoBytes"] = "0" }).Build();
        Assert.Throws<InvalidOperationException>(() => UploadLimits.FromConfiguration(config));
    }
}
