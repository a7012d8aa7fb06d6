namespace CivicGrid.Web.Components.Shared;

/// <summary>ARCHITECTURE.md "Time": stored in UTC, shown in China Standard Time (UTC+8, no daylight saving).</summary>
public static class ChinaTime
{
    static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static string Format(DateTimeOffset at) => at.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm:ss");
}
