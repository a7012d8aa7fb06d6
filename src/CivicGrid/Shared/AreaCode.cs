namespace CivicGrid.Shared;

/// <summary>Level in the area hierarchy (行政区划): city 市 → district 区县 → street 街道 → community 社区 → grid 网格.</summary>
public enum AreaLevel { City = 1, District = 2, Street = 3, Community = 4, Grid = 5 }

/// <summary>
/// A statistical division code (统计用区划代码): 12 digits down to the community
/// (2 province, 2 city, 2 county, 3 street, 3 community); a grid appends 3 more (DOMAIN.md §2).
/// The significant prefix of a code is what data scope matches on.
/// </summary>
public readonly record struct AreaCode
{
    public string Value { get; }

    AreaCode(string value) => Value = value;

    public static bool TryParse(string? text, out AreaCode code)
    {
        code = default;
        if (text is null || (text.Length != 12 && text.Length != 15)) return false;
        foreach (var c in text) if (c is < '0' or > '9') return false;
        var candidate = new AreaCode(text);
        if (!IsWellFormed(candidate)) return false;
        code = candidate;
        return true;
    }

    public static AreaCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"Not an area code: '{text}'.");

    public AreaLevel Level =>
        Value.Length == 15 ? AreaLevel.Grid
        : Value[9..12] != "000" ? AreaLevel.Community
        : Value[6..9] != "000" ? AreaLevel.Street
        : Value[4..6] != "00" ? AreaLevel.District
        : AreaLevel.City;

    /// <summary>The part of the code that identifies this node; every descendant's code starts with it.</summary>
    public string Prefix => Level switch
    {
        AreaLevel.City => Value[..4],
        AreaLevel.District => Value[..6],
        AreaLevel.Street => Value[..9],
        AreaLevel.Community => Value[..12],
        _ => Value,
    };

    public bool IsWithin(AreaCode ancestor) => Value.StartsWith(ancestor.Prefix, StringComparison.Ordinal);

    /// <summary>The code of the parent node, or null for a city.</summary>
    public AreaCode? Parent => Level switch
    {
        AreaLevel.Grid => new AreaCode(Value[..12]),
        AreaLevel.Community => new AreaCode(Value[..9] + "000"),
        AreaLevel.Street => new AreaCode(Value[..6] + "000000"),
        AreaLevel.District => new AreaCode(Value[..4] + "00000000"),
        _ => null,
    };

    /// <summary>Builds the code of a child with the given serial number (1-based) under this node.</summary>
    public AreaCode Child(int serial) => Level switch
    {
        AreaLevel.City => new AreaCode(Value[..4] + serial.ToString("D2") + "000000"),
        AreaLevel.District => new AreaCode(Value[..6] + serial.ToString("D3") + "000"),
        AreaLevel.Street => new AreaCode(Value[..9] + serial.ToString("D3")),
        AreaLevel.Community => new AreaCode(Value + serial.ToString("D3")),
        _ => throw new InvalidOperationException("A grid has no children in the area hierarchy."),
    };

    // A code is well formed when no level is zero above a non-zero level below it
    // (e.g. a community serial under street 000 is meaningless), and a grid serial is not 000.
    static bool IsWellFormed(AreaCode c)
    {
        var v = c.Value;
        if (v[..2] == "00" || v[2..4] == "00") return false;
        bool district = v[4..6] != "00", street = v[6..9] != "000", community = v[9..12] != "000";
        if (street && !district) return false;
        if (community && !street) return false;
        if (v.Length == 15) return community && v[12..15] != "000";
        return true;
    }

    public override string ToString() => Value;
}

public static class AreaCodePrefix
{
    /// <summary>The prefix a list filter matches: a valid code's significant prefix, otherwise the text as typed.</summary>
    public static string Of(string code) => AreaCode.TryParse(code, out var c) ? c.Prefix : code;

    /// <summary>The full code of the node a scope prefix names (3703 → 370300000000).</summary>
    public static string ToCode(string prefix) => prefix.Length switch
    {
        4 or 6 or 9 => prefix.PadRight(12, '0'),
        _ => prefix,
    };
}
