using CivicGrid.Modules.CoBuilding.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.CoBuilding.Features;

/// <summary>
/// 共建契约: community staff record a contract signed with a paired unit — a member of the community's 大党委 — and the
/// report of pairs behind: those with no contract signed in the half-year (DOMAIN.md §4: at least one per half-year).
/// </summary>
public static class SignContract
{
    public sealed record Request(string CommunityCode, Guid UnitId, string Title, string? Terms, DateOnly? SignedOn);
    public sealed record ContractView(Guid Id, string AreaCode, string CommunityName, Guid UnitId, string UnitName, string Title,
        string Terms, DateOnly SignedOn);
    public sealed record PairView(string CommunityCode, string CommunityName, Guid UnitId, string UnitName, int Signed, DateOnly? LastSignedOn);
    public sealed record BehindReport(string Half, DateOnly From, DateOnly To, int Pairs, List<PairView> Behind);

    public static void Map(RouteGroupBuilder g)
    {
        g.MapPost("/contracts", Sign).RequireAuthorization(Permissions.CoBuilding.Manage);
        g.MapGet("/contracts", List);
        g.MapGet("/contracts/behind", Behind);
    }

    public static async Task<Results<Created<ContractView>, ProblemHttpResult>> Sign(Request r, CivicGridDbContext db, CurrentUser user,
        TimeProvider clock, CancellationToken ct)
    {
        if (!Shared.AreaCode.TryParse(r.CommunityCode, out var code) || code.Level != AreaLevel.Community) return CoBuildingErrors.AreaInvalid.ToProblem();
        if (!user.Scope.Covers(code.Value)) return CoBuildingErrors.OutsideScope.ToProblem();
        if (string.IsNullOrWhiteSpace(r.Title)) return CoBuildingErrors.TitleRequired.ToProblem();
        if (r.SignedOn is not { } signedOn) return CoBuildingErrors.DateRequired.ToProblem();
        var paired = await db.Alliances.AnyAsync(a => a.AreaCode == code.Value && a.Level == AllianceLevel.Community
            && a.Members.Any(m => m.UnitId == r.UnitId), ct);
        if (!paired) return CoBuildingErrors.NotPaired.ToProblem();
        var now = clock.GetUtcNow();
        var contract = new Contract
        {
            Id = Guid.CreateVersion7(now), AreaCode = code.Value, UnitId = r.UnitId, Title = Access.Clip(r.Title, 100),
            Terms = Access.Clip(r.Terms, 4000), SignedOn = signedOn, RecordedAt = now,
        };
        db.CoBuildingContracts.Add(contract);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/cobuilding/contracts/{contract.Id}", (await ViewsAsync(db, [contract], ct))[0]);
    }

    public static async Task<Ok<List<ContractView>>> List(string? half, CivicGridDbContext db, CancellationToken ct)
    {
        var q = db.CoBuildingContracts.AsNoTracking();
        if (HalfYear.TryParse(half, out var h)) q = q.Where(c => c.SignedOn >= h.Start && c.SignedOn < h.End);
        return TypedResults.Ok(await ViewsAsync(db, await q.OrderByDescending(c => c.SignedOn).Take(500).ToListAsync(ct), ct));
    }

    public static async Task<Ok<BehindReport>> Behind(string? half, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await BehindAsync(db, user.Scope, HalfYear.TryParse(half, out var h) ? h : HalfYear.At(clock.GetUtcNow()), ct));

    /// <summary>The pairs the caller can see (community alliances in scope, or a unit's own memberships) and their
    /// contracts in <paramref name="half"/>; those with none are behind.</summary>
    public static async Task<BehindReport> BehindAsync(CivicGridDbContext db, DataScope scope, HalfYear half, CancellationToken ct)
    {
        // A unit reaches its alliances through membership, and with them the other members: keep to its own pairs.
        var pairs = (await db.Alliances.AsNoTracking().Include(a => a.Members).Where(a => a.Level == AllianceLevel.Community).ToListAsync(ct))
            .SelectMany(a => a.Members.Select(m => new { a.AreaCode, m.UnitId }))
            .Where(p => scope.Covers(p.AreaCode) || scope.UnitIds.Contains(p.UnitId)).Distinct().ToList();
        // Few rows per pair (two a year): counted in memory, which every provider does alike.
        var contracts = await db.CoBuildingContracts.AsNoTracking().Select(c => new { c.AreaCode, c.UnitId, c.SignedOn }).ToListAsync(ct);
        var byPair = contracts.ToLookup(c => (c.AreaCode, c.UnitId), c => c.SignedOn);
        var names = await Access.UnitNamesAsync(db, pairs.Select(p => (Guid?)p.UnitId), ct);
        var areas = await AreaNamesAsync(db, pairs.Select(p => p.AreaCode), ct);
        var rows = pairs.Select(p =>
        {
            var signed = byPair[(p.AreaCode, p.UnitId)].ToList();
            return new PairView(p.AreaCode, areas.GetValueOrDefault(p.AreaCode, ""), p.UnitId, names.Name(p.UnitId),
                signed.Count(half.Contains), signed.Count == 0 ? null : signed.Max());
        }).ToList();
        return new BehindReport(half.ToString(), half.Start, half.End.AddDays(-1), rows.Count,
            rows.Where(r => r.Signed == 0).OrderBy(r => r.CommunityCode).ThenBy(r => r.UnitName).ToList());
    }

    static async Task<List<ContractView>> ViewsAsync(CivicGridDbContext db, List<Contract> contracts, CancellationToken ct)
    {
        var names = await Access.UnitNamesAsync(db, contracts.Select(c => (Guid?)c.UnitId), ct);
        var areas = await AreaNamesAsync(db, contracts.Select(c => c.AreaCode), ct);
        return contracts.Select(c => new ContractView(c.Id, c.AreaCode, areas.GetValueOrDefault(c.AreaCode, ""), c.UnitId, names.Name(c.UnitId),
            c.Title, c.Terms, c.SignedOn)).ToList();
    }

    static async Task<Dictionary<string, string>> AreaNamesAsync(CivicGridDbContext db, IEnumerable<string> codes, CancellationToken ct)
    {
        var wanted = codes.Distinct().ToList();
        return await db.Areas.IgnoreQueryFilters([DataScope.FilterName]).Where(a => wanted.Contains(a.AreaCode)).ToDictionaryAsync(a => a.AreaCode, a => a.Name, ct);
    }
}
