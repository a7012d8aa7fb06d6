using System.Buffers.Binary;
using System.Text;
using CivicGrid.Shared.Pdf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace CivicGrid.UnitTests.Shared.Pdf;

/// <summary>Which font file the PDF reports take: the first candidate that exists and has TrueType outlines.</summary>
public sealed class ReportFontTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("civicgrid-fonts-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A one-table font: enough for the candidate checks, which never hand it to PDFsharp.</summary>
    string FontFile(string name, uint version, string tag, string content)
    {
        var data = Encoding.UTF8.GetBytes(content);
        var font = new byte[12 + 16 + (data.Length + 3 & ~3)];
        BinaryPrimitives.WriteUInt32BigEndian(font, version);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(4), 1);
        Encoding.ASCII.GetBytes(tag).CopyTo(font, 12);
        BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(12 + 8), 28);
        BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(12 + 12), (uint)data.Length);
        data.CopyTo(font, 28);
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, font);
        return path;
    }

    [Fact]
    public void A_missing_file_a_damaged_one_and_a_CFF_font_are_passed_over_for_the_next_TrueType_font()
    {
        var damaged = Path.Combine(_dir, "damaged.ttf");
        File.WriteAllText(damaged, "not a font");
        var cff = FontFile("NotoSansCJK-Regular.otf", 0x4F54544F, "CFF ", "cff outlines");
        var trueType = FontFile("wqy.ttf", 0x00010000, "glyf", $"outlines {Guid.NewGuid()}");

        var font = new ReportFont([Path.Combine(_dir, "missing.ttc"), damaged, cff, trueType], NullLogger<ReportFont>.Instance);

        Assert.NotNull(font.Family);
        Assert.Equal(File.ReadAllBytes(trueType), CjkFontResolver.Instance.GetFont(font.Family));
        Assert.NotNull(CjkFontResolver.Instance.ResolveTypeface(font.Family, bold: true, italic: false));
        Assert.Null(CjkFontResolver.Instance.ResolveTypeface("Arial", bold: false, italic: false));
    }

    [Fact]
    public void No_usable_candidate_means_no_family()
    {
        var cff = FontFile("only-cff.otf", 0x4F54544F, "CFF ", "cff outlines");
        Assert.Null(new ReportFont([Path.Combine(_dir, "missing.ttc"), cff], NullLogger<ReportFont>.Instance).Family);
        Assert.Null(new ReportFont([], NullLogger<ReportFont>.Instance).Family);
    }

    [Fact]
    public void The_configured_path_comes_first_and_the_search_can_be_switched_off()
    {
        var configured = Path.Combine(_dir, "configured.ttc");
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Reports:CjkFontPath"] = configured,
        }).Build();
        Assert.Equal([configured, .. ReportFont.WellKnownPaths], ReportFont.FromConfiguration(config, NullLogger<ReportFont>.Instance).Candidates);
        config["Reports:CjkFontSearch"] = "false";
        Assert.Equal([configured], ReportFont.FromConfiguration(config, NullLogger<ReportFont>.Instance).Candidates);
    }
}
