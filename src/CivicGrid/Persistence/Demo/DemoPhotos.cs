using System.IO.Compression;
using System.Text;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Shared.Files;

namespace CivicGrid.Persistence.Demo;

/// <summary>
/// Two plain pictures the demo history attaches as its before / after photos (on-the-spot closures need one), written
/// once to the file store and shared by every demo case. Drawn here (a PNG gradient) so the repository ships no images.
/// </summary>
static class DemoPhotos
{
    public static async Task<(StoredFile Before, StoredFile After)> StoreAsync(IFileStore store, CancellationToken ct)
    {
        async Task<StoredFile> Save(string name, (byte R, byte G, byte B) from, (byte R, byte G, byte B) to)
        {
            var png = Gradient(320, 240, from, to);
            var key = await store.SaveAsync(new MemoryStream(png), ".png", ct);
            return new StoredFile(name, "image/png", png.Length, key);
        }
        return (await Save("现场照片.png", (120, 110, 100), (190, 170, 150)), await Save("处置后照片.png", (90, 150, 110), (170, 220, 180)));
    }

    static byte[] Gradient(int width, int height, (byte R, byte G, byte B) from, (byte R, byte G, byte B) to)
    {
        var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0); // filter: none
            for (var x = 0; x < width; x++)
            {
                var t = (x + y) / (double)(width + height);
                raw.WriteByte((byte)(from.R + (to.R - from.R) * t));
                raw.WriteByte((byte)(from.G + (to.G - from.G) * t));
                raw.WriteByte((byte)(from.B + (to.B - from.B) * t));
            }
        }
        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) raw.WriteTo(z);

        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BigEndian(header, 0, width);
        BigEndian(header, 4, height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour RGB
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BigEndian(length, 0, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        BigEndian(crc, 0, (int)Crc32(typed));
        png.Write(crc);
    }

    static void BigEndian(byte[] b, int at, int v)
    {
        b[at] = (byte)(v >> 24); b[at + 1] = (byte)(v >> 16); b[at + 2] = (byte)(v >> 8); b[at + 3] = (byte)v;
    }

    static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
