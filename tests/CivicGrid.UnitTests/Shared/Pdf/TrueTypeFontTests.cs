using System.Buffers.Binary;
using System.Text;
using CivicGrid.Shared.Pdf;

namespace CivicGrid.UnitTests.Shared.Pdf;

/// <summary>Face extraction from a TrueType collection, on small fonts built here table by table (no font file needed).</summary>
public sealed class TrueTypeFontTests
{
    const uint TrueType = 0x00010000, Cff = 0x4F54544F; // 'OTTO'

    sealed record Table(string Tag, byte[] Data, uint Checksum);
    sealed record Face(uint Version, Table[] Tables);

    static Table T(string tag, string data) => new(tag, Encoding.UTF8.GetBytes(data), (uint)(tag.GetHashCode() & 0x7fffffff));

    // Odd lengths on purpose: tables must land on 4-byte boundaries after extraction.
    static readonly Table SharedGlyphs = T("glyf", "shared outlines, 29 bytes....");
    static readonly Face Regular = new(TrueType, [T("cmap", "regular cmap"), SharedGlyphs, T("head", "regular head!"), T("name", "Micro Hei")]);
    static readonly Face Mono = new(TrueType, [T("cmap", "mono cmap"), SharedGlyphs, T("head", "mono head"), T("name", "Micro Hei Mono"), T("post", "p")]);

    /// <summary>A collection as real ones are laid out: the header, each face's directory, then table data, one copy of a shared table.</summary>
    static byte[] Collection(params Face[] faces)
    {
        var directories = new List<int>();
        var at = 12 + 4 * faces.Length;
        foreach (var face in faces)
        {
            directories.Add(at);
            at += 12 + 16 * face.Tables.Length;
        }
        var offsets = new Dictionary<Table, int>(ReferenceEqualityComparer.Instance);
        foreach (var table in faces.SelectMany(f => f.Tables).Distinct(ReferenceEqualityComparer.Instance).Cast<Table>())
        {
            offsets[table] = at;
            at += table.Data.Length + 3 & ~3;
        }
        var file = new byte[at];
        BinaryPrimitives.WriteUInt32BigEndian(file, 0x74746366); // 'ttcf'
        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(4), 0x00010000);
        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(8), (uint)faces.Length);
        for (var i = 0; i < faces.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(12 + 4 * i), (uint)directories[i]);
            WriteDirectory(file, directories[i], faces[i], offsets);
        }
        foreach (var (table, offset) in offsets) table.Data.CopyTo(file, offset);
        return file;
    }

    static byte[] Standalone(Face face)
    {
        var at = 12 + 16 * face.Tables.Length;
        var offsets = new Dictionary<Table, int>(ReferenceEqualityComparer.Instance);
        foreach (var table in face.Tables) { offsets[table] = at; at += table.Data.Length + 3 & ~3; }
        var file = new byte[at];
        WriteDirectory(file, 0, face, offsets);
        foreach (var (table, offset) in offsets) table.Data.CopyTo(file, offset);
        return file;
    }

    static void WriteDirectory(byte[] file, int at, Face face, Dictionary<Table, int> offsets)
    {
        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(at), face.Version);
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(at + 4), (ushort)face.Tables.Length);
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(at + 6), 0x40); // searchRange etc.: copied, not checked
        for (var i = 0; i < face.Tables.Length; i++)
        {
            var record = file.AsSpan(at + 12 + 16 * i);
            var table = face.Tables[i];
            Encoding.ASCII.GetBytes(table.Tag).CopyTo(record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], table.Checksum);
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offsets[table]);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)table.Data.Length);
        }
    }

    /// <summary>Reads a standalone font back independently of the code under test: (tag, checksum, offset, bytes) per table.</summary>
    static List<(string Tag, uint Checksum, int Offset, byte[] Data)> Read(byte[] font)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        return Enumerable.Range(0, count).Select(i =>
        {
            var record = font.AsSpan(12 + 16 * i, 16);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            return (Encoding.ASCII.GetString(record[..4]), BinaryPrimitives.ReadUInt32BigEndian(record[4..]), offset, font[offset..(offset + length)]);
        }).ToList();
    }

    [Theory, InlineData(0), InlineData(1)]
    public void Each_face_of_a_collection_becomes_a_standalone_font_with_its_own_tables_at_rebased_offsets(int index)
    {
        var collection = Collection(Regular, Mono);
        var face = new[] { Regular, Mono }[index];
        Assert.True(TrueTypeFont.IsCollection(collection));

        var font = TrueTypeFont.SingleFace(collection, index);

        Assert.False(TrueTypeFont.IsCollection(font));
        Assert.Equal(TrueType, BinaryPrimitives.ReadUInt32BigEndian(font));
        Assert.Equal(collection.AsSpan(12 + 4 * 2 + (index == 0 ? 0 : 12 + 16 * Regular.Tables.Length) + 4, 8).ToArray(), font[4..12]);
        var tables = Read(font);
        Assert.Equal(face.Tables.Select(t => t.Tag), tables.Select(t => t.Tag));
        Assert.Equal(face.Tables.Select(t => t.Checksum), tables.Select(t => t.Checksum));
        Assert.All(face.Tables.Zip(tables), p => Assert.Equal(p.First.Data, p.Second.Data));
        Assert.All(tables, t => Assert.Equal(0, t.Offset % 4));
        Assert.Equal(12 + 16 * face.Tables.Length, tables.Min(t => t.Offset)); // data starts right after the directory
        Assert.Equal(face.Tables.Select(t => t.Tag), TrueTypeFont.TableTags(font));
    }

    [Fact]
    public void A_plain_font_is_returned_as_it_is_and_has_only_face_0()
    {
        var font = Standalone(Regular);
        Assert.Same(font, TrueTypeFont.SingleFace(font));
        Assert.Throws<InvalidDataException>(() => TrueTypeFont.SingleFace(font, 1));
        Assert.Throws<InvalidDataException>(() => TrueTypeFont.SingleFace(Collection(Regular, Mono), 2));
    }

    [Fact]
    public void Only_fonts_with_glyf_outlines_count_as_TrueType()
    {
        Assert.True(TrueTypeFont.HasTrueTypeOutlines(Standalone(Regular)));
        Assert.False(TrueTypeFont.HasTrueTypeOutlines(Standalone(new Face(Cff, [T("CFF ", "compact outlines"), T("cmap", "c")]))));
    }

    [Fact]
    public void Damaged_files_are_refused_not_read_past_their_end()
    {
        var collection = Collection(Regular, Mono);
        Assert.Throws<InvalidDataException>(() => TrueTypeFont.SingleFace(collection[..40]));
        var pointsOutside = (byte[])collection.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(pointsOutside.AsSpan(12 + 4), (uint)collection.Length + 100);
        Assert.Throws<InvalidDataException>(() => TrueTypeFont.SingleFace(pointsOutside, 1));
        var longTable = Standalone(Regular);
        BinaryPrimitives.WriteUInt32BigEndian(longTable.AsSpan(12 + 12), 1_000_000);
        Assert.Throws<InvalidDataException>(() => TrueTypeFont.SingleFace(longTable));
        Assert.Throws<InvalidDataException>(() => TrueTypeFont.SingleFace(Encoding.ASCII.GetBytes("%PDF-1.7 not a font at all")));
    }
}
