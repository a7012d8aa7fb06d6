using CivicGrid.Shared;

namespace CivicGrid.Modules.Open311;

/// <summary>
/// The <c>start_date</c>..<c>end_date</c> window of a list. GeoReport v2 caps it at 90 days: without an end it ends now,
/// without a start it begins 90 days before its end, and a longer window is refused rather than cut short.
/// </summary>
public readonly record struct QueryWindow(DateTimeOffset From, DateTimeOffset To)
{
    public static readonly TimeSpan Longest = TimeSpan.FromDays(90);
    /// <summary>No list answers more than this many rows; a client pages by narrowing the window.</summary>
    public const int MaxResults = 1000;

    public static Result<QueryWindow> Read(string? start, string? end, DateTimeOffset now)
    {
        // An empty parameter (start_date=) is no parameter.
        start = string.IsNullOrWhiteSpace(start) ? null : start;
        end = string.IsNullOrWhiteSpace(end) ? null : end;
        DateTimeOffset from = default, to = now;
        if (start is not null && !ChinaTimeConverter.TryParse(start, out from)) return Open311Errors.DateInvalid;
        if (end is not null && !ChinaTimeConverter.TryParse(end, out to)) return Open311Errors.DateInvalid;
        if (start is null) from = to - Longest;
        if (from > to) return Open311Errors.WindowInvalid;
        if (to - from > Longest) return Open311Errors.WindowTooLong;
        // Stored instants are UTC; SQLite compares them as stored ticks, so the bounds must be UTC too.
        return new QueryWindow(from.ToUniversalTime(), to.ToUniversalTime());
    }

    /// <summary>A comma-delimited parameter (<c>service_code=0101,0102</c>) as its distinct non-empty parts.</summary>
    public static List<string> Split(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
}
