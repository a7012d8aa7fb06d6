namespace CivicGrid.Shared;

/// <summary>Resident identity card number (身份证号), 18 characters per GB 11643-1999 with its ISO 7064 MOD 11-2 check digit.</summary>
public static class IdCardNumber
{
    static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const string CheckChars = "10X98765432";

    /// <summary>Upper-cases a trailing x and trims; returns null when the number is not valid.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = text.Trim().ToUpperInvariant();
        return IsValid(s) ? s : null;
    }

    public static bool IsValid(string s)
    {
        if (s.Length != 18) return false;
        for (var i = 0; i < 17; i++) if (s[i] is < '0' or > '9') return false;
        if (s[17] != 'X' && s[17] is < '0' or > '9') return false;
        if (!DateOnly.TryParseExact(s[6..14], "yyyyMMdd", out var birth) || birth.Year < 1900) return false;
        return s[17] == CheckCharFor(s);
    }

    public static char CheckCharFor(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    public static DateOnly BirthDate(string valid) => DateOnly.ParseExact(valid[6..14], "yyyyMMdd");

    /// <summary>GB 11643: the 17th digit is odd for men, even for women.</summary>
    public static bool IsMale(string valid) => (valid[16] - '0') % 2 == 1;

    /// <summary>Masked as in every list: 3703**********1234 (ARCHITECTURE.md).</summary>
    public static string Mask(string valid) => valid[..4] + new string('*', 10) + valid[14..];
}

/// <summary>Mainland mobile phone numbers (手机号): 11 digits starting with 1.</summary>
public static class PhoneNumber
{
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (s.StartsWith("+86")) s = s[3..];
        return s.Length == 11 && s[0] == '1' && s.All(char.IsAsciiDigit) ? s : null;
    }

    /// <summary>138****5678.</summary>
    public static string Mask(string valid) => valid[..3] + "****" + valid[7..];
}
