namespace CivicGrid.Shared.Files;

/// <summary>Where uploaded bytes live. Callers keep only the opaque key; the store decides where the bytes go.</summary>
public interface IFileStore
{
    /// <summary>Stores the bytes and returns an opaque storage key, e.g. "2026/11/23/&lt;guid&gt;.jpg".</summary>
    Task<string> SaveAsync(Stream content, string extension, CancellationToken ct);

    /// <summary>The stored bytes, or null when nothing is stored under the key. The caller disposes the stream.</summary>
    Task<Stream?> OpenAsync(string key, CancellationToken ct);

    /// <summary>Removes the bytes; a missing key is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken ct);
}
