using CivicGrid.Modules.CoBuilding.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.CoBuilding.Features;

/// <summary>
/// 区域化党建联盟: a street's 大工委 or a community's 大党委, its member units and part-time committee members (兼职委员).
/// Staff form alliances for areas in their scope; a unit sees the alliances it belongs to.
/// </summary>
public static class ManageAlliances
{
    public sealed record CreateRequest(string AreaCode, string Name);
    public sealed record MemberRequest(Guid UnitId);
    public sealed record CommitteeRequest(string Name, Guid UnitId, string Post, Guid? AccountId);

    public sealed record AllianceView(Guid Id, string AreaCode, string AreaName, AllianceLevel Level, string Name, int Members,
        Guid? NextChairUnitId, string NextChairUnitName);
    public sealed record MemberView(Guid UnitId, string UnitName, int Seq, DateTimeOffset JoinedAt);
    public sealed record CommitteeView(Guid Id, string Name, Guid UnitId, string UnitName, string Post, Guid? AccountId);
    public sealed record AllianceDetail(AllianceView Alliance, List<MemberView> Members, List<CommitteeView> Committee);

    public static void Map(RouteGroupBuilder g)
    {
        g.MapGet("/alliances", List);
        g.MapGet("/alliances/{id:guid}", Get);
        g.MapPost("/alliances", Create).RequireAuthorization(Permissions.CoBuilding.Manage);
        g.MapPost("/alliances/{id:guid}/members", AddMember).RequireAuthorization(Permissions.CoBuilding.Manage);
        g.MapPost("/alliances/{id:guid}/committee", AddCommitteeMember).RequireAuthorization(Permissions.CoBuilding.Manage);
    }

    public static async Task<Ok<List<AllianceView>>> List(CivicGridDbContext db, CancellationToken ct)
    {
        var alliances = await db.Alliances.AsNoTracking().Include(a => a.Members).OrderBy(a => a.AreaCode).ToListAsync(ct);
        return TypedResults.Ok(await ViewsAsync(db, alliances, ct));
    }

    public static async Task<Results<Ok<AllianceDetail>, NotFound>> Get(Guid id, CivicGridDbContext db, CancellationToken ct)
    {
        var a = await db.Alliances.AsNoTracking().Include(x => x.Members).Include(x => x.Committee).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return TypedResults.NotFound();
        return TypedResults.Ok(await DetailAsync(db, a, ct));
    }

    public static async Task<Results<Created<AllianceDetail>, ProblemHttpResult>> Create(CreateRequest request, CivicGridDbContext db,
        CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        if (!Shared.AreaCode.TryParse(request.AreaCode, out var code) || code.Level is not (AreaLevel.Street or AreaLevel.Community))
            return CoBuildingErrors.AreaInvalid.ToProblem();
        if (!user.Scope.Covers(code.Value)) return CoBuildingErrors.OutsideScope.ToProblem();
        if (!await db.Areas.AnyAsync(a => a.AreaCode == code.Value, ct)) return CoBuildingErrors.AreaInvalid.ToProblem();
        if (string.IsNullOrWhiteSpace(request.Name)) return CoBuildingErrors.TitleRequired.ToProblem();
        var now = clock.GetUtcNow();
        var alliance = new Alliance
        {
            Id = Guid.CreateVersion7(now), AreaCode = code.Value, Name = Access.Clip(request.Name, 100), CreatedAt = now,
            Level = code.Level == AreaLevel.Street ? AllianceLevel.Street : AllianceLevel.Community,
        };
        db.Alliances.Add(alliance);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/cobuilding/alliances/{alliance.Id}", await DetailAsync(db, alliance, ct));
    }

    public static async Task<Results<Ok<AllianceDetail>, NotFound, ProblemHttpResult>> AddMember(Guid id, MemberRequest request,
        CivicGridDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var alliance = await db.Alliances.Include(x => x.Members).Include(x => x.Committee).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (alliance is null) return TypedResults.NotFound();
        if (await Access.UnitInDistrictAsync(db, request.UnitId, alliance.AreaCode, ct) is null) return CoBuildingErrors.UnknownUnit.ToProblem();
        var added = alliance.AddMember(request.UnitId, clock.GetUtcNow());
        if (added.IsError) return added.Error!.ToProblem();
        db.AllianceMembers.Add(added.Value);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await DetailAsync(db, alliance, ct));
    }

    public static async Task<Results<Ok<AllianceDetail>, NotFound, ProblemHttpResult>> AddCommitteeMember(Guid id, CommitteeRequest request,
        CivicGridDbContext db, CancellationToken ct)
    {
        var alliance = await db.Alliances.Include(x => x.Members).Include(x => x.Committee).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (alliance is null) return TypedResults.NotFound();
        if (string.IsNullOrWhiteSpace(request.Name)) return CoBuildingErrors.TitleRequired.ToProblem();
        // DOMAIN.md §4: part-time members are drawn from the member units.
        if (alliance.Members.All(m => m.UnitId != request.UnitId)) return CoBuildingErrors.NotMember.ToProblem();
        if (request.AccountId is { } acc && !await db.Users.AnyAsync(u => u.Id == acc, ct)) return CoBuildingErrors.AccountUnknown.ToProblem();
        var member = new CommitteeMember
        {
            Id = Guid.CreateVersion7(), AllianceId = alliance.Id, Name = Access.Clip(request.Name, 50), UnitId = request.UnitId,
            Post = Access.Clip(request.Post, 50), AccountId = request.AccountId,
        };
        alliance.Committee.Add(member);
        db.Add(member);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await DetailAsync(db, alliance, ct));
    }

    /// <summary>The unit that chaired the alliance's latest joint meeting, for the rotation.</summary>
    public static Task<Guid?> LastChairAsync(CivicGridDbContext db, Guid allianceId, CancellationToken ct) =>
        db.Meetings.IgnoreQueryFilters([DataScope.FilterName]).Where(m => m.AllianceId == allianceId && m.ChairUnitId != null)
            .OrderByDescending(m => m.At).Select(m => m.ChairUnitId).FirstOrDefaultAsync(ct);

    static async Task<List<AllianceView>> ViewsAsync(CivicGridDbContext db, List<Alliance> alliances, CancellationToken ct)
    {
        var areaCodes = alliances.Select(a => a.AreaCode).Distinct().ToList();
        var areaNames = await db.Areas.IgnoreQueryFilters([DataScope.FilterName]).Where(a => areaCodes.Contains(a.AreaCode))
            .ToDictionaryAsync(a => a.AreaCode, a => a.Name, ct);
        var next = new Dictionary<Guid, Guid?>();
        foreach (var a in alliances) next[a.Id] = a.NextChair(await LastChairAsync(db, a.Id, ct));
        var names = await Access.UnitNamesAsync(db, next.Values, ct);
        return alliances.Select(a => new AllianceView(a.Id, a.AreaCode, areaNames.GetValueOrDefault(a.AreaCode, ""), a.Level, a.Name,
            a.Members.Count, next[a.Id], names.Name(next[a.Id]))).ToList();
    }

    static async Task<AllianceDetail> DetailAsync(CivicGridDbContext db, Alliance a, CancellationToken ct)
    {
        var view = (await ViewsAsync(db, [a], ct))[0];
        var names = await Access.UnitNamesAsync(db, a.Members.Select(m => (Guid?)m.UnitId).Concat(a.Committee.Select(c => (Guid?)c.UnitId)), ct);
        return new AllianceDetail(view,
            a.Members.OrderBy(m => m.Seq).Select(m => new MemberView(m.UnitId, names.Name(m.UnitId), m.Seq, m.JoinedAt)).ToList(),
            a.Committee.OrderBy(c => c.Name).Select(c => new CommitteeView(c.Id, c.Name, c.UnitId, names.Name(c.UnitId), c.Post, c.AccountId)).ToList());
    }
}
