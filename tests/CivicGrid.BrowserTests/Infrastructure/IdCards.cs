namespace CivicGrid.BrowserTests.Infrastructure;

/// <summary>Made-up resident ID numbers (身份证号) with a correct GB 11643 check character, different on every call.</summary>
public static class IdCards
{
    static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const string CheckChars = "10X98765432";

    public static string New()
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 50 * 365));
        var first17 = $"110101{birth:yyyyMMdd}{Random.Shared.Next(0, 1000):D3}";
        return first17 + CheckChar(first17);
    }

    public static char CheckChar(string first17) => CheckChars[first17.Select((c, i) => (c - '0') * Weights[i]).Sum() % 11];
}
