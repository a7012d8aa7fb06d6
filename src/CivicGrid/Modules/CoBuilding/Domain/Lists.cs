using CivicGrid.Shared;

namespace CivicGrid.Modules.CoBuilding.Domain;

/// <summary>A resource a unit offers (资源清单): a hall, a doctor's Saturday, funds, a truck — with where and when.</summary>
public sealed class Resource : IScoped, IVersioned
{
    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    /// <summary>Where the resource is: the grid its point falls in, else the unit's own area.</summary>
    public string AreaCode { get; set; } = "";
    public string Category { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>How much, in the unit's words: 可容纳80人, 每周六上午2名医生, 5万元.</summary>
    public string Capacity { get; set; } = "";
    public double Longitude { get; set; }
    public double Latitude { get; set; }
    public string Address { get; set; } = "";
    public DateTimeOffset AvailableFrom { get; set; }
    /// <summary>Open-ended when null.</summary>
    public DateTimeOffset? AvailableUntil { get; set; }
    public bool Withdrawn { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public int Version { get; set; }
}

public enum NeedUrgency { Low = 1, Normal = 2, High = 3, Urgent = 4 }

public enum NeedStatus
{
    Open = 1,       // 待认领
    Claimed = 2,    // 已认领，待社区确认
    Confirmed = 3,  // 社区已确认
    Withdrawn = 4,  // 已撤回
}

/// <summary>
/// A need a community publishes (需求清单). A unit claims it (认领); the community confirms, or declines and it is open
/// again. Exactly one unit holds a claim: a second claim is <see cref="CoBuildingErrors.NeedTaken"/>.
/// </summary>
public sealed class Need : IScoped, IVersioned
{
    public Guid Id { get; set; }
    /// <summary>The grid the place falls in (or the community, when published without a grid).</summary>
    public string AreaCode { get; set; } = "";
    public string Category { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public NeedUrgency Urgency { get; set; }
    public double Longitude { get; set; }
    public double Latitude { get; set; }
    public string Address { get; set; } = "";
    public NeedStatus Status { get; set; }
    public Guid? ClaimedByUnitId { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public string ClaimNote { get; set; } = "";
    public DateTimeOffset? DecidedAt { get; set; }
    /// <summary>Why the last claim was declined, kept so the unit can read it.</summary>
    public string? DeclineReason { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public int Version { get; set; }

    public Error? Claim(Guid unitId, string? note, DateTimeOffset now)
    {
        if (Status != NeedStatus.Open) return CoBuildingErrors.NeedTaken;
        (Status, ClaimedByUnitId, ClaimedAt, ClaimNote, DecidedAt) = (NeedStatus.Claimed, unitId, now, note?.Trim() ?? "", null);
        return null;
    }

    public Error? Confirm(DateTimeOffset now)
    {
        if (Status != NeedStatus.Claimed) return CoBuildingErrors.NeedNotClaimed;
        (Status, DecidedAt, DeclineReason) = (NeedStatus.Confirmed, now, null);
        return null;
    }

    /// <summary>Declining frees the need for any unit, the declined one included.</summary>
    public Error? Decline(string? reason, DateTimeOffset now)
    {
        if (Status != NeedStatus.Claimed) return CoBuildingErrors.NeedNotClaimed;
        if (string.IsNullOrWhiteSpace(reason)) return CoBuildingErrors.ReasonRequired;
        (Status, ClaimedByUnitId, ClaimedAt, ClaimNote, DecidedAt, DeclineReason) = (NeedStatus.Open, null, null, "", now, reason.Trim());
        return null;
    }
}

/// <summary>A co-building contract (共建契约) a community and a paired unit sign; at least one per half-year.</summary>
public sealed class Contract : IScoped
{
    public Guid Id { get; set; }
    /// <summary>The community's 12-digit code.</summary>
    public string AreaCode { get; set; } = "";
    public Guid UnitId { get; set; }
    public string Title { get; set; } = "";
    public string Terms { get; set; } = "";
    public DateOnly SignedOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A half-year (上半年/下半年), the period a pair must sign a contract in.</summary>
public readonly record struct HalfYear(int Year, int Half)
{
    public DateOnly Start => new(Year, Half == 1 ? 1 : 7, 1);
    public DateOnly End => Half == 1 ? new DateOnly(Year, 7, 1) : new DateOnly(Year + 1, 1, 1);
    public bool Contains(DateOnly d) => d >= Start && d < End;
    public static HalfYear Of(DateOnly d) => new(d.Year, d.Month <= 6 ? 1 : 2);
    /// <summary>Dates are China Standard Time (UTC+8) everywhere in the domain.</summary>
    public static HalfYear At(DateTimeOffset now) => Of(DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime));
    public override string ToString() => $"{Year}H{Half}";
    public static bool TryParse(string? s, out HalfYear h)
    {
        h = default;
        if (s is not { Length: 6 } || s[4] != 'H' || !int.TryParse(s[..4], out var y) || s[5] is not ('1' or '2')) return false;
        h = new HalfYear(y, s[5] - '0');
        return true;
    }
}
