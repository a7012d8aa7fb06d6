using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.People.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.People.Features;

/// <summary>
/// GET /api/buildings, GET /api/households, GET /api/households/{id} (with its members, masked),
/// and GET /api/me/household — a resident's own household, the "my household" page.
/// </summary>
public static class BrowseHouseholds
{
    public sealed record BuildingRow(Guid Id, string Name, string Address, int Floors, string AreaCode, int Households);
    public sealed record HouseholdRow(Guid Id, string Address, string UnitNo, string RoomNo, bool Vacant, string AreaCode, int Members);
    public sealed record HouseholdDetail(HouseholdRow Household, IReadOnlyList<SearchResidents.Row> Members);

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/buildings", Buildings).WithTags("People").RequireAuthorization(Permissions.People.View);
        app.MapGet("/api/households", Households).WithTags("People").RequireAuthorization(Permissions.People.View);
        app.MapGet("/api/buildings/export.xlsx", ExportBuildings).WithTags("People").RequireAuthorization(Permissions.People.Export);
        app.MapGet("/api/households/export.xlsx", ExportHouseholds).WithTags("People").RequireAuthorization(Permissions.People.Export);
        app.MapGet("/api/households/{id:guid}", Household).WithTags("People").RequireAuthorization(Permissions.People.View);
        app.MapGet("/api/me/household", Mine).WithTags("People").RequireAuthorization(Permissions.Self);
    }

    internal static async Task<Paged<BuildingRow>> Buildings(string? areaCode, string? q, int? page, int? pageSize, CivicGridDbContext db, CancellationToken ct)
    {
        var rows = BuildingQuery(db, areaCode, q);
        var paging = Paging.Of(page, pageSize);
        var total = await rows.CountAsync(ct);
        return new(total, paging.Page, paging.Size, await rows.Skip(paging.Skip).Take(paging.Size).ToListAsync(ct));
    }

    /// <summary>GET /api/buildings/export.xlsx — the same filter as the list.</summary>
    static async Task<IResult> ExportBuildings(string? areaCode, string? q, CivicGridDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var rows = await BuildingQuery(db, areaCode, q).Take(ExcelExport.MaxRows).ToListAsync(ct);
        return await ExcelExport.FileAsync(rows.Select(b => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["楼栋"] = b.Name, ["地址"] = b.Address, ["层数"] = b.Floors, ["户数"] = b.Households, ["网格代码"] = b.AreaCode,
        }), "楼栋", "buildings", clock, ct);
    }

    static IQueryable<BuildingRow> BuildingQuery(CivicGridDbContext db, string? areaCode, string? q)
    {
        var rows = db.Buildings.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(areaCode)) rows = rows.Where(b => b.AreaCode.StartsWith(AreaCodePrefix.Of(areaCode)));
        if (!string.IsNullOrWhiteSpace(q)) rows = rows.Where(b => b.Name.Contains(q) || b.Address.Contains(q));
        return rows.OrderBy(b => b.AreaCode).ThenBy(b => b.Name)
            .Select(b => new BuildingRow(b.Id, b.Name, b.Address, b.Floors, b.AreaCode, db.Households.Count(h => h.BuildingId == b.Id)));
    }

    static async Task<Paged<HouseholdRow>> Households(string? areaCode, Guid? buildingId, string? q, int? page, int? pageSize, CivicGridDbContext db, CancellationToken ct)
    {
        var rows = HouseholdQuery(db, areaCode, buildingId, q);
        var paging = Paging.Of(page, pageSize);
        var total = await rows.CountAsync(ct);
        var items = await Project(db, rows.Skip(paging.Skip).Take(paging.Size), ct);
        return new(total, paging.Page, paging.Size, items);
    }

    /// <summary>GET /api/households/export.xlsx — the same filter as the list.</summary>
    static async Task<IResult> ExportHouseholds(string? areaCode, Guid? buildingId, string? q, CivicGridDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var rows = await Project(db, HouseholdQuery(db, areaCode, buildingId, q).Take(ExcelExport.MaxRows), ct);
        return await ExcelExport.FileAsync(rows.Select(h => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["地址"] = h.Address, ["单元"] = h.UnitNo, ["房号"] = h.RoomNo, ["空置"] = h.Vacant ? "是" : "否",
            ["人数"] = h.Members, ["网格代码"] = h.AreaCode,
        }), "房屋", "households", clock, ct);
    }

    static IQueryable<Household> HouseholdQuery(CivicGridDbContext db, string? areaCode, Guid? buildingId, string? q)
    {
        var rows = db.Households.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(areaCode)) rows = rows.Where(h => h.AreaCode.StartsWith(AreaCodePrefix.Of(areaCode)));
        if (buildingId is { } b) rows = rows.Where(h => h.BuildingId == b);
        if (!string.IsNullOrWhiteSpace(q)) rows = rows.Where(h => h.Address.Contains(q));
        return rows.OrderBy(h => h.AreaCode).ThenBy(h => h.Address);
    }

    internal static async Task<Results<Ok<HouseholdDetail>, NotFound>> Household(Guid id, CivicGridDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var row = (await Project(db, db.Households.Where(h => h.Id == id), ct)).SingleOrDefault();
        if (row is null) return TypedResults.NotFound();
        var members = await SearchResidents.Project(db, db.Residents.Where(r => r.HouseholdId == id).OrderBy(r => r.Name), clock, ct);
        return TypedResults.Ok(new HouseholdDetail(row, members));
    }

    internal static async Task<Results<Ok<HouseholdDetail>, NotFound>> Mine(CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        if (user.Scope.ResidentId is not { } me) return TypedResults.NotFound();
        var householdId = await db.Residents.Where(r => r.Id == me).Select(r => r.HouseholdId).SingleOrDefaultAsync(ct);
        return householdId is { } h ? await Household(h, db, clock, ct) : TypedResults.NotFound();
    }

    static Task<List<HouseholdRow>> Project(CivicGridDbContext db, IQueryable<Household> rows, CancellationToken ct) =>
        rows.AsNoTracking().Select(h => new HouseholdRow(h.Id, h.Address, h.UnitNo, h.RoomNo, h.Vacant, h.AreaCode,
            db.Residents.Count(r => r.HouseholdId == h.Id))).ToListAsync(ct);
}
