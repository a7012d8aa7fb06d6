namespace CivicGrid.Modules.Points.Domain;

/// <summary>
/// A community's earning rule (积分规则) for one <see cref="PointsEventKinds"/> value: points per unit (per hour for
/// volunteer service, whose events count minutes), and caps per day and per month. Data, edited by community staff;
/// a community without a rule for a kind uses <see cref="Defaults"/>.
/// </summary>
public sealed class EarningRule : Shared.IVersioned
{
    public Guid Id { get; set; }
    /// <summary>The community (12-digit code).</summary>
    public string AreaCode { get; set; } = "";
    public string Kind { get; set; } = "";
    public int PointsPerUnit { get; set; }
    /// <summary>Null: no cap.</summary>
    public int? CapPerDay { get; set; }
    public int? CapPerMonth { get; set; }
    /// <summary>有效期: points earned by this rule stay valid through the end of the Nth China-time calendar month after
    /// the month they were earned in (0: to the end of that month; 12: to the end of the same month next year); the
    /// unspent part then expires. Null: they never expire.</summary>
    public int? ExpiryMonths { get; set; }
    public int Version { get; set; }

    /// <summary>What the rule gives for an event's quantity, before caps. Hours are minutes / 60, rounded down.</summary>
    public int PointsFor(string kind, int quantity) => kind == PointsEventKinds.VolunteerHours
        ? (int)((long)quantity * PointsPerUnit / 60)
        : quantity * PointsPerUnit;

    /// <summary>When points earned at <paramref name="earnedAt"/> expire under this rule: the first instant (China time)
    /// of the month after their last valid month; null when the rule sets no expiry.</summary>
    public DateTimeOffset? ExpiryOf(DateTimeOffset earnedAt)
    {
        if (ExpiryMonths is not { } months) return null;
        var china = TimeSpan.FromHours(8);
        var local = earnedAt.ToOffset(china);
        return new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, china).AddMonths(months + 1).ToUniversalTime();
    }

    /// <summary>Used where a community has set no rule of its own: modest numbers in the seeds' spirit (an hour of
    /// service is worth most; a valid, satisfied report least).</summary>
    public static EarningRule Default(string areaCode, string kind) => kind switch
    {
        PointsEventKinds.VolunteerHours => new() { AreaCode = areaCode, Kind = kind, PointsPerUnit = 10, CapPerDay = 40, CapPerMonth = 200 },
        PointsEventKinds.WishFulfilled => new() { AreaCode = areaCode, Kind = kind, PointsPerUnit = 5, CapPerDay = 10, CapPerMonth = 50 },
        PointsEventKinds.CaseSatisfied => new() { AreaCode = areaCode, Kind = kind, PointsPerUnit = 2, CapPerDay = 4, CapPerMonth = 20 },
        PointsEventKinds.MeetingAttended => new() { AreaCode = areaCode, Kind = kind, PointsPerUnit = 3, CapPerDay = 6, CapPerMonth = 30 },
        _ => new() { AreaCode = areaCode, Kind = kind, PointsPerUnit = 0 },
    };

    /// <summary>Credited after the caps, given what this account already earned by this kind in the community today and
    /// this month; and which cap cut it.</summary>
    public (int Amount, string? CappedBy) Cap(int uncapped, int earnedToday, int earnedThisMonth)
    {
        var amount = uncapped;
        string? by = null;
        if (CapPerDay is { } day && amount > day - earnedToday) (amount, by) = (Math.Max(0, day - earnedToday), "day");
        if (CapPerMonth is { } month && amount > month - earnedThisMonth) (amount, by) = (Math.Max(0, month - earnedThisMonth), "month");
        return (amount, by);
    }
}
