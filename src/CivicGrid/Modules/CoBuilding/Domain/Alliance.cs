using CivicGrid.Shared;

namespace CivicGrid.Modules.CoBuilding.Domain;

/// <summary>Which committee an alliance is: a street's or a community's.</summary>
public enum AllianceLevel
{
    /// <summary>街道"大工委": the street party working committee widened to the units in the street.</summary>
    Street = 1,
    /// <summary>社区"大党委": the community party committee widened to the units in the community.</summary>
    Community = 2,
}

/// <summary>
/// Area-wide party-building alliance (区域化党建联盟, DOMAIN.md §4): a street's 大工委 or a community's 大党委, tied to
/// its area. Units join as members (成员单位), taking turns to chair the joint meetings; some of their people sit on the
/// committee as part-time members (兼职委员). A community alliance's members are the units paired with that community:
/// the co-building contracts are counted over those pairs.
/// </summary>
public sealed class Alliance : IScoped
{
    public Guid Id { get; set; }
    /// <summary>The street's or community's 12-digit code.</summary>
    public string AreaCode { get; set; } = "";
    public AllianceLevel Level { get; set; }
    public string Name { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public List<AllianceMember> Members { get; set; } = [];
    public List<CommitteeMember> Committee { get; set; } = [];

    public Result<AllianceMember> AddMember(Guid unitId, DateTimeOffset now)
    {
        if (Members.Any(m => m.UnitId == unitId)) return CoBuildingErrors.AlreadyMember;
        var member = new AllianceMember
        {
            Id = Guid.CreateVersion7(now), AllianceId = Id, UnitId = unitId, AreaPrefix = Shared.AreaCode.Parse(AreaCode).Prefix,
            Seq = Members.Count == 0 ? 1 : Members.Max(m => m.Seq) + 1, JoinedAt = now,
        };
        Members.Add(member);
        return member;
    }

    /// <summary>
    /// The rotating chair (轮值主席): the member after the last meeting's chair in joining order, wrapping round; the first
    /// member when nobody has chaired yet or the last chair has left.
    /// </summary>
    public Guid? NextChair(Guid? lastChair)
    {
        var order = Members.OrderBy(m => m.Seq).ToList();
        if (order.Count == 0) return null;
        var i = order.FindIndex(m => m.UnitId == lastChair);
        return order[(i + 1) % order.Count].UnitId; // i = -1 (nobody yet) gives the first
    }
}

/// <summary>A member unit (成员单位) of an alliance, in joining order.</summary>
public sealed class AllianceMember
{
    public Guid Id { get; set; }
    public Guid AllianceId { get; set; }
    public Guid UnitId { get; set; }
    /// <summary>The alliance area's significant prefix, copied here so data scope can ask "which areas is this unit a
    /// member in" without a join: the needs and projects there are open to the unit.</summary>
    public string AreaPrefix { get; set; } = "";
    /// <summary>Joining order, which is also the order the chair rotates in.</summary>
    public int Seq { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
}

/// <summary>A part-time committee member (兼职委员): a person from a member unit, with their post on the committee.</summary>
public sealed class CommitteeMember
{
    public Guid Id { get; set; }
    public Guid AllianceId { get; set; }
    public string Name { get; set; } = "";
    public Guid UnitId { get; set; }
    /// <summary>E.g. 兼职副书记, 委员.</summary>
    public string Post { get; set; } = "";
    /// <summary>Their sign-in account, when they have one: attendance then earns them points.</summary>
    public Guid? AccountId { get; set; }
}
