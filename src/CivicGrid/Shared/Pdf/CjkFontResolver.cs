using System.Collections.Concurrent;
using System.Security.Cryptography;
using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace CivicGrid.Shared.Pdf;

/// <summary>
/// The one PDFsharp font resolver of the process. <see cref="GlobalFontSettings"/> is process-global and may be set only
/// once (or again to the same instance), while each app instance (and each test's app) may find a different font file:
/// so the resolver is a fixed instance holding every face registered so far, each under a family name derived from its
/// bytes — the same name always means the same font, whatever PDFsharp has cached.
/// </summary>
public sealed class CjkFontResolver : IFontResolver
{
    public static readonly CjkFontResolver Instance = new();
    static readonly Lock Gate = new();
    readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    CjkFontResolver() { }

    /// <summary>Makes this the global resolver; safe to call from every app start.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance)) GlobalFontSettings.FontResolver = Instance;
        }
    }

    /// <summary>Registers a standalone TrueType face and returns the family name to ask PDFsharp for.</summary>
    public string Register(byte[] face)
    {
        var family = "CivicGrid CJK " + Convert.ToHexString(SHA256.HashData(face))[..16];
        _faces.TryAdd(family, face);
        return family;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        _faces.ContainsKey(familyName)
            ? new FontResolverInfo(familyName, (bold ? XStyleSimulations.BoldSimulation : 0) | (italic ? XStyleSimulations.ItalicSimulation : 0))
            : null;

    public byte[]? GetFont(string faceName) => _faces.GetValueOrDefault(faceName);
}
