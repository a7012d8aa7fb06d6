using System.Buffers.Binary;
using System.Text;

namespace CivicGrid.Shared.Pdf;

/// <summary>
/// Just enough of the OpenType file format to hand PDFsharp one font face: PDFsharp 6.2 reads a single TrueType font
/// and not yet a collection (.ttc), which is how Debian ships the CJK fonts. <see cref="SingleFace"/> copies one face's
/// tables out of a collection into a standalone font with the offsets rebased; the checksums are kept as read.
/// </summary>
public static class TrueTypeFont
{
    const uint CollectionTag = 0x74746366; // 'ttcf'
    const int TableRecordSize = 16, DirectoryHeaderSize = 12;

    public static bool IsCollection(ReadOnlySpan<byte> file) => file.Length >= 12 && BinaryPrimitives.ReadUInt32BigEndian(file) == CollectionTag;

    /// <summary>The face at <paramref name="index"/> as a standalone font; a plain font file is returned as it is (index 0 only).</summary>
    public static byte[] SingleFace(byte[] file, int index = 0)
    {
        if (!IsCollection(file))
        {
            if (index != 0) throw new InvalidDataException("Not a font collection: only face 0 exists.");
            _ = Tables(file, 0);
            return file;
        }
        var faces = ReadU32(file, 8);
        if (index < 0 || index >= faces || 12 + 4 * (long)faces > file.Length) throw new InvalidDataException($"The collection has no face {index}.");
        var directory = (int)ReadU32(file, 12 + 4 * index);
        var tables = Tables(file, directory);

        var headerSize = DirectoryHeaderSize + TableRecordSize * tables.Count;
        var size = headerSize + tables.Sum(t => Align4(t.Length));
        var font = new byte[size];
        // sfnt version, numTables, searchRange, entrySelector, rangeShift: the face's own header, unchanged.
        file.AsSpan(directory, DirectoryHeaderSize).CopyTo(font);
        var offset = headerSize;
        for (var i = 0; i < tables.Count; i++)
        {
            var t = tables[i];
            var record = font.AsSpan(DirectoryHeaderSize + TableRecordSize * i, TableRecordSize);
            BinaryPrimitives.WriteUInt32BigEndian(record, t.Tag);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], t.Checksum);
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)t.Length);
            file.AsSpan(t.Offset, t.Length).CopyTo(font.AsSpan(offset));
            offset += Align4(t.Length);
        }
        return font;
    }

    /// <summary>Whether the glyphs are TrueType outlines ('glyf'), which PDFsharp can embed; CFF fonts (Noto CJK's .ttc) are not.</summary>
    public static bool HasTrueTypeOutlines(byte[] font) => TableTags(font).Contains("glyf");

    /// <summary>The table tags of a standalone font, e.g. "cmap", "glyf".</summary>
    public static IReadOnlyList<string> TableTags(byte[] font) => Tables(font, 0).Select(t =>
    {
        Span<byte> tag = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(tag, t.Tag);
        return Encoding.ASCII.GetString(tag);
    }).ToList();

    readonly record struct Table(uint Tag, uint Checksum, int Offset, int Length);

    static List<Table> Tables(byte[] file, int directory)
    {
        if (directory < 0 || directory + DirectoryHeaderSize > file.Length) throw new InvalidDataException("The font's table directory lies outside the file.");
        var version = ReadU32(file, directory);
        if (version is not (0x00010000 or 0x4F54544F or 0x74727565)) throw new InvalidDataException("Not a TrueType or OpenType font."); // 1.0, 'OTTO', 'true'
        int count = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(directory + 4));
        if (count == 0 || directory + DirectoryHeaderSize + (long)TableRecordSize * count > file.Length) throw new InvalidDataException("The font's table directory is truncated.");
        var tables = new List<Table>(count);
        for (var i = 0; i < count; i++)
        {
            var at = directory + DirectoryHeaderSize + TableRecordSize * i;
            var (offset, length) = (ReadU32(file, at + 8), ReadU32(file, at + 12));
            if (offset + (ulong)length > (ulong)file.Length) throw new InvalidDataException("A font table lies outside the file.");
            tables.Add(new Table(ReadU32(file, at), ReadU32(file, at + 4), (int)offset, (int)length));
        }
        return tables;
    }

    static uint ReadU32(byte[] file, int at) => BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at, 4));
    static int Align4(int n) => (n + 3) & ~3;
}
