using System.Globalization;
using System.Text.RegularExpressions;

namespace CivicGrid.Shared.Files;

/// <summary>
/// Keeps files in a folder on local disk (Files:Root, default data/files under the content root), one folder per UTC day.
/// </summary>
public sealed partial class DiskFileStore(string root, TimeProvider clock) : IFileStore
{
    public const string DefaultRoot = "data/files";
    const int CopyBufferSize = 81920;

    readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));

    public string Root => _root;

    public static DiskFileStore FromConfiguration(IConfiguration config, IHostEnvironment environment, TimeProvider clock)
    {
        var configured = config[$"{UploadLimits.Section}:Root"];
        var root = string.IsNullOrWhiteSpace(configured) ? DefaultRoot : configured;
        return new DiskFileStore(Path.Combine(environment.ContentRootPath, root), clock);
    }

    public async Task<string> SaveAsync(Stream content, string extension, CancellationToken ct)
    {
        if (!ExtensionPattern().IsMatch(extension))
            throw new ArgumentException($"'{extension}' is not an extension like \".jpg\".", nameof(extension));
        var day = clock.GetUtcNow().UtcDateTime.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture);
        var key = $"{day}/{Guid.NewGuid():N}{extension.ToLowerInvariant()}";
        var path = PathOf(key);
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);

        // Written under a temporary name in the same folder, then renamed: a reader never sees a half-written file
        // under its key, and the rename stays on one file system. The ".tmp" name never matches a key.
        var temp = Path.Combine(folder, $".{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferSize, useAsync: true))
            {
                await content.CopyToAsync(file, CopyBufferSize, ct);
                // On disk before the key is handed out: the caller is about to record it in the database.
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: false);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        return key;
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        try
        {
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, CopyBufferSize, useAsync: true);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        try { File.Delete(path); }
        catch (DirectoryNotFoundException) { }   // the day's folder was never created: nothing to delete
        return Task.CompletedTask;
    }

    /// <summary>
    /// The file for a key this store issued. Anything else — "..", an absolute path, a backslash, a temporary name —
    /// is refused, so a key taken from a request can never reach outside the root.
    /// </summary>
    string PathOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!KeyPattern().IsMatch(key)) throw new ArgumentException($"'{key}' is not a file key.", nameof(key));
        var path = Path.GetFullPath(Path.Combine(_root, key));
        // The pattern already rules escaping out; this states the promise where the path is made.
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"'{key}' is outside the file root.", nameof(key));
        return path;
    }

    [GeneratedRegex(@"^\.[A-Za-z0-9]{1,10}$")]
    private static partial Regex ExtensionPattern();

    [GeneratedRegex(@"^[0-9]{4}/[0-9]{2}/[0-9]{2}/[0-9a-f]{32}\.[a-z0-9]{1,10}$")]
    private static partial Regex KeyPattern();
}
