using CivicGrid.Modules.CoBuilding.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.CoBuilding.Features;

/// <summary>
/// Pairing (结对共建, DOMAIN.md §4): a unit paired with a community is a member of the community's 大党委. The
/// volunteering module calls this when community staff confirm a unit's dual registration (双报到), inside its own
/// unit of work: the member row is added to the context and saved by the caller's one SaveChanges.
/// </summary>
public static class PairUnit
{
    /// <summary>
    /// Adds <paramref name="unitId"/> to the community alliance of <paramref name="communityCode"/>; false when the
    /// community has no 大党委 or the unit is already a member (idempotent). The caller has already decided, in its own
    /// scope, that the pairing stands, so the alliance is read past the data-scope filter.
    /// </summary>
    public static async Task<bool> JoinCommunityAllianceAsync(CivicGridDbContext db, Guid unitId, string communityCode, DateTimeOffset now,
        CancellationToken ct)
    {
        var alliance = await db.Alliances.IgnoreQueryFilters([DataScope.FilterName]).Include(a => a.Members)
            .Where(a => a.AreaCode == communityCode && a.Level == AllianceLevel.Community)
            .OrderBy(a => a.CreatedAt).FirstOrDefaultAsync(ct);
        // A member added earlier in this unit of work counts too.
        if (alliance is null || db.ChangeTracker.Entries<AllianceMember>().Any(e => e.Entity.AllianceId == alliance.Id && e.Entity.UnitId == unitId))
            return false;
        var added = alliance.AddMember(unitId, now);
        if (added.IsError) return false; // already a member
        db.AllianceMembers.Add(added.Value);
        return true;
    }
}
