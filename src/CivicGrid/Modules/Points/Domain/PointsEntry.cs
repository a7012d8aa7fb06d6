namespace CivicGrid.Modules.Points.Domain;

public enum PointsEntryKind
{
    Earn = 1,      // 获得
    Spend = 2,     // 兑换
    Reversal = 3,  // 冲正
    Expiry = 4,    // 过期
    Adjustment = 5, // 更正扣减: points taken back after a correction of what earned them (fewer hours)
}

/// <summary>
/// One line of the points ledger (积分流水), immutable once written: nothing updates or deletes it, a correction is a
/// new <see cref="PointsEntryKind.Reversal"/> entry that names the one it reverses (once only: ReversesId is unique).
/// </summary>
public sealed class PointsEntry
{
    public Guid Id { get; set; }
    public Guid AccountId { get; set; }
    /// <summary>The community (12-digit code) the entry belongs to: whose rules earned it, whose catalog it was spent in.</summary>
    public string AreaCode { get; set; } = "";
    public PointsEntryKind Kind { get; set; }
    /// <summary>Signed: positive adds to the balance, negative takes from it.</summary>
    public int Amount { get; set; }
    /// <summary>For an earn: what the rule gave before the day and month caps. <see cref="Amount"/> is what was credited.
    /// For an adjustment: what the correction called for taking back (negative); Amount is what could be taken.</summary>
    public int? Uncapped { get; set; }
    /// <summary>Why an earn was cut: "day" or "month"; why an adjustment took less than due: "balance" (the points were
    /// already spent, README.md rule 8); null when nothing was cut.</summary>
    public string? CappedBy { get; set; }
    /// <summary>What it came from: a <see cref="PointsEventKinds"/> value, "redemption", or "staff".</summary>
    public string SourceKind { get; set; } = "";
    public Guid SourceId { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The event an earn was made from: unique, so an event can only ever earn once.</summary>
    public Guid? EventId { get; set; }
    /// <summary>For a reversal: the entry it reverses.</summary>
    public Guid? ReversesId { get; set; }
    public string? Reason { get; set; }
    /// <summary>Who wrote it: null for the projection (the rules), the staff or holder account otherwise.</summary>
    public Guid? ActorId { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>For an earn under a rule that expires: when its unspent part expires (set at crediting, from the rule of
    /// that day). Null: it never expires.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>Earning counted by leaderboards: earns, net of the reversals of earns (the only negative reversals) and
    /// of adjustments after hours were corrected down (and of the reversals of those, the only positive ones).</summary>
    public static readonly System.Linq.Expressions.Expression<Func<PointsEntry, bool>> IsEarning =
        e => e.Kind == PointsEntryKind.Earn || e.Kind == PointsEntryKind.Adjustment
             || (e.Kind == PointsEntryKind.Reversal && (e.Amount < 0 || e.SourceKind == PointsEventKinds.VolunteerHoursCorrected));

    /// <summary>Spending: spends, net of their reversals (a cancelled redemption's refund, the only other positive
    /// reversals). Every entry is earning, spending or an expiry, so earned − spent − expired is the balance.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<PointsEntry, bool>> IsSpending =
        e => e.Kind == PointsEntryKind.Spend
             || (e.Kind == PointsEntryKind.Reversal && e.Amount > 0 && e.SourceKind != PointsEventKinds.VolunteerHoursCorrected);
}
