using System.Text;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CivicGrid.Shared.Pdf;

/// <summary>
/// An A4 report written top to bottom in one CJK font: text wraps to the width (between any two CJK characters, Latin
/// words kept whole), a table continues on the next page with its header repeated, and every page gets
/// "第 n 页 / 共 m 页" at the foot. Enough layout for letters and lists; not a general typesetter.
/// </summary>
public sealed class ReportDocument : IDisposable
{
    const double Margin = 56, FooterSpace = 28, CellPadding = 4, LineGap = 1.35;
    const string NoLineStart = "，。、；：？！）》」』”’%…";
    static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    readonly PdfDocument _pdf = new();
    readonly string _family;
    XGraphics _gfx = null!;
    double _y;

    public ReportDocument(string family, string title)
    {
        _family = family;
        _pdf.Info.Title = title;
        _pdf.Info.Creator = "CivicGrid 红网智治";
        NewPage();
    }

    double Left => Margin;
    double Width => _pdf.Pages[^1].Width.Point - 2 * Margin;
    double Bottom => _pdf.Pages[^1].Height.Point - Margin - FooterSpace;

    public XFont Font(double size, bool bold = false) => new(_family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);

    /// <summary>A paragraph, wrapped; a new page when the next line does not fit.</summary>
    public void Text(string text, double size = 11, XStringAlignment align = XStringAlignment.Near, bool bold = false, double after = 6)
    {
        var font = Font(size, bold);
        var height = size * LineGap;
        foreach (var line in Wrap(text, font, Width))
        {
            if (_y + height > Bottom) NewPage();
            _gfx.DrawString(line, font, XBrushes.Black, new XRect(Left, _y, Width, height), Format(align));
            _y += height;
        }
        _y += after;
    }

    /// <summary>A section heading, kept with what follows: it starts the next page when less than a few lines are left.</summary>
    public void Heading(string text, double size = 12)
    {
        KeepTogether(size * LineGap * 5);
        Text(text, size, bold: true);
    }

    /// <summary>Starts the next page unless <paramref name="height"/> points are still free on this one.</summary>
    public void KeepTogether(double height)
    {
        if (_y + height > Bottom) NewPage();
    }

    public sealed record Column(string Header, double Weight, XStringAlignment Align = XStringAlignment.Near);

    /// <summary>A ruled table; rows never split, a row that does not fit starts the next page under the repeated header.</summary>
    public void Table(IReadOnlyList<Column> columns, IEnumerable<IReadOnlyList<string>> rows, double size = 10, double after = 10)
    {
        var font = Font(size);
        var head = Font(size, bold: true);
        var total = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => Width * c.Weight / total).ToArray();
        DrawHeader(columns, head, widths);
        foreach (var row in rows)
        {
            var cells = Cells(row, font, widths);
            if (_y + RowHeight(cells, size) > Bottom)
            {
                NewPage();
                DrawHeader(columns, head, widths);
            }
            Draw(cells, font, widths, columns, header: false, size);
        }
        _y += after;
    }

    void DrawHeader(IReadOnlyList<Column> columns, XFont font, double[] widths)
    {
        var cells = Cells(columns.Select(c => c.Header).ToList(), font, widths);
        // A header alone at the foot of a page is no use: keep room for one more line under it.
        if (_y + RowHeight(cells, font.Size) + font.Size * LineGap + 2 * CellPadding > Bottom) NewPage();
        Draw(cells, font, widths, columns, header: true, font.Size);
    }

    List<List<string>> Cells(IReadOnlyList<string> row, XFont font, double[] widths) =>
        row.Select((text, i) => Wrap(text, font, widths[i] - 2 * CellPadding)).ToList();

    static double RowHeight(List<List<string>> cells, double size) => cells.Max(c => c.Count) * size * LineGap + 2 * CellPadding;

    void Draw(List<List<string>> cells, XFont font, double[] widths, IReadOnlyList<Column> columns, bool header, double size)
    {
        var height = RowHeight(cells, size);
        var x = Left;
        for (var i = 0; i < cells.Count; i++)
        {
            var box = new XRect(x, _y, widths[i], height);
            if (header) _gfx.DrawRectangle(XBrushes.Gainsboro, box);
            _gfx.DrawRectangle(new XPen(XColors.Gray, 0.5), box);
            var lineY = _y + CellPadding;
            foreach (var line in cells[i])
            {
                _gfx.DrawString(line, font, XBrushes.Black,
                    new XRect(x + CellPadding, lineY, widths[i] - 2 * CellPadding, size * LineGap), Format(header ? XStringAlignment.Center : columns[i].Align));
                lineY += size * LineGap;
            }
            x += widths[i];
        }
        _y += height;
    }

    void NewPage()
    {
        _gfx?.Dispose();
        var page = _pdf.AddPage();
        page.Size = PageSize.A4;
        _gfx = XGraphics.FromPdfPage(page);
        _y = Margin;
    }

    /// <summary>The finished PDF, with page numbers.</summary>
    public byte[] ToArray()
    {
        _gfx.Dispose();
        var font = Font(9);
        for (var i = 0; i < _pdf.PageCount; i++)
        {
            var page = _pdf.Pages[i];
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            gfx.DrawString($"第 {i + 1} 页 / 共 {_pdf.PageCount} 页", font, XBrushes.Gray,
                new XRect(Margin, page.Height.Point - Margin, page.Width.Point - 2 * Margin, 12), XStringFormats.TopCenter);
        }
        using var stream = new MemoryStream();
        _pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _gfx.Dispose();
        _pdf.Dispose();
    }

    static XStringFormat Format(XStringAlignment align) => new() { Alignment = align, LineAlignment = XLineAlignment.Near };

    /// <summary>Greedy line breaking: CJK characters break anywhere, Latin words and numbers stay whole unless longer than a line.</summary>
    List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var unit in Units(paragraph))
            {
                if (unit == " " && line.Length == 0) continue;
                // Closing punctuation hangs at the end of the line rather than start the next one.
                if (Fits(line + unit, font, width) || line.Length > 0 && unit.Length == 1 && NoLineStart.Contains(unit[0]))
                {
                    line.Append(unit);
                    continue;
                }
                if (line.Length > 0)
                {
                    lines.Add(line.ToString().TrimEnd());
                    line.Clear();
                }
                if (unit == " ") continue;
                if (Fits(unit, font, width)) line.Append(unit);
                else foreach (var ch in Runes(unit)) AddChar(ch);
            }
            lines.Add(line.ToString().TrimEnd());

            void AddChar(string ch)
            {
                if (line.Length > 0 && !Fits(line + ch, font, width))
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }
                line.Append(ch);
            }
        }
        return lines;
    }

    bool Fits(string s, XFont font, double width) => _gfx.MeasureString(s, font).Width <= width;

    /// <summary>Runs of Latin letters and digits are one unit; every other character (CJK, punctuation, space) is its own.</summary>
    static IEnumerable<string> Units(string paragraph)
    {
        var word = new StringBuilder();
        foreach (var rune in paragraph.EnumerateRunes())
        {
            if (rune.IsAscii && (Rune.IsLetterOrDigit(rune) || rune.Value is '.' or '-' or '_' or '/'))
            {
                word.Append(rune.ToString());
                continue;
            }
            if (word.Length > 0) { yield return word.ToString(); word.Clear(); }
            yield return rune.ToString();
        }
        if (word.Length > 0) yield return word.ToString();
    }

    static IEnumerable<string> Runes(string s) => s.EnumerateRunes().Select(r => r.ToString());
}
