using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.People.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.People.Features;

/// <summary>
/// Units located in an area (GET /api/organisations), the party organisation tree one level at a time with member counts
/// (GET /api/party-organisations), party members (GET /api/party-members) and vehicles (GET /api/vehicles). All scoped and
/// paged; each list (but the tree) also downloads as Excel with the same filters at …/export.xlsx.
/// </summary>
public static class BrowseUnitsAndParty
{
    public sealed record OrganisationRow(Guid Id, string Name, OrganisationKind Kind, string AreaCode, string Address);
    public sealed record PartyOrganisationRow(Guid Id, string Name, PartyOrganisationLevel Level, string AreaCode, Guid? ParentId, int Children, int Members);
    public sealed record PartyMemberRow(Guid Id, string Name, Guid PartyOrganisationId, bool InService, string AreaCode, DateOnly? JoinedOn);
    public sealed record VehicleRow(Guid Id, string PlateNumber, string Kind, string AreaCode, Guid? OwnerResidentId);

    public sealed record OrganisationQuery(string? AreaCode, OrganisationKind? Kind, string? Q, int? Page, int? PageSize);
    public sealed record PartyMemberQuery(Guid? OrganisationId, string? AreaCode, bool? InService, int? Page, int? PageSize);
    public sealed record VehicleQuery(string? AreaCode, string? Plate, int? Page, int? PageSize);

    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/api").WithTags("People").RequireAuthorization(Permissions.People.View);
        group.MapGet("/organisations", ([AsParameters] OrganisationQuery q, CivicGridDbContext db, CancellationToken ct) => Page(Organisations(db, q), q.Page, q.PageSize, ct));
        group.MapGet("/party-organisations", PartyOrganisations);
        group.MapGet("/party-members", ([AsParameters] PartyMemberQuery q, CivicGridDbContext db, CancellationToken ct) => Page(PartyMembers(db, q), q.Page, q.PageSize, ct));
        group.MapGet("/vehicles", ([AsParameters] VehicleQuery q, CivicGridDbContext db, CancellationToken ct) => Page(Vehicles(db, q), q.Page, q.PageSize, ct));

        var export = app.MapGroup("/api").WithTags("People").RequireAuthorization(Permissions.People.Export);
        export.MapGet("/organisations/export.xlsx", async ([AsParameters] OrganisationQuery q, CivicGridDbContext db, TimeProvider clock, CancellationToken ct) =>
            await ExcelExport.FileAsync((await Organisations(db, q).Take(ExcelExport.MaxRows).ToListAsync(ct)).Select(o => Sheet(
                ("名称", o.Name), ("类型", o.Kind.ToString()), ("地址", o.Address), ("区划代码", o.AreaCode))), "单位", "organisations", clock, ct));
        export.MapGet("/party-members/export.xlsx", async ([AsParameters] PartyMemberQuery q, CivicGridDbContext db, TimeProvider clock, CancellationToken ct) =>
            await ExcelExport.FileAsync((await PartyMembers(db, q).Take(ExcelExport.MaxRows).ToListAsync(ct)).Select(m => Sheet(
                ("姓名", m.Name), ("在职党员", m.InService ? "是" : "否"), ("入党日期", m.JoinedOn?.ToString("yyyy-MM-dd")), ("区划代码", m.AreaCode))), "党员", "party-members", clock, ct));
        export.MapGet("/vehicles/export.xlsx", async ([AsParameters] VehicleQuery q, CivicGridDbContext db, TimeProvider clock, CancellationToken ct) =>
            await ExcelExport.FileAsync((await Vehicles(db, q).Take(ExcelExport.MaxRows).ToListAsync(ct)).Select(v => Sheet(
                ("车牌号", v.PlateNumber), ("车辆类型", v.Kind), ("区划代码", v.AreaCode))), "车辆", "vehicles", clock, ct));
    }

    static IQueryable<OrganisationRow> Organisations(CivicGridDbContext db, OrganisationQuery q)
    {
        var rows = Within(db.Organisations.AsNoTracking(), q.AreaCode);
        if (q.Kind is { } k) rows = rows.Where(o => o.Kind == k);
        if (!string.IsNullOrWhiteSpace(q.Q)) rows = rows.Where(o => o.Name.Contains(q.Q));
        return rows.OrderBy(o => o.AreaCode).ThenBy(o => o.Name).Select(o => new OrganisationRow(o.Id, o.Name, o.Kind, o.AreaCode, o.Address));
    }

    /// <summary>Without parentId: the top organisations the caller can see (whose parent is outside their scope or absent).</summary>
    static Task<Paged<PartyOrganisationRow>> PartyOrganisations(Guid? parentId, int? page, int? pageSize, CivicGridDbContext db, CancellationToken ct)
    {
        var rows = db.PartyOrganisations.AsNoTracking();
        rows = parentId is { } p
            ? rows.Where(o => o.ParentId == p)
            : rows.Where(o => o.ParentId == null || !db.PartyOrganisations.Any(parent => parent.Id == o.ParentId));
        return Page(rows.OrderBy(o => o.AreaCode).ThenBy(o => o.Name).Select(o => new PartyOrganisationRow(o.Id, o.Name, o.Level, o.AreaCode, o.ParentId,
            db.PartyOrganisations.Count(c => c.ParentId == o.Id), db.PartyMembers.Count(m => m.PartyOrganisationId == o.Id))), page, pageSize, ct);
    }

    static IQueryable<PartyMemberRow> PartyMembers(CivicGridDbContext db, PartyMemberQuery q)
    {
        var rows = Within(db.PartyMembers.AsNoTracking(), q.AreaCode);
        if (q.OrganisationId is { } o) rows = rows.Where(m => m.PartyOrganisationId == o);
        if (q.InService is { } s) rows = rows.Where(m => m.InService == s);
        return rows.OrderBy(m => m.AreaCode).ThenBy(m => m.Name)
            .Select(m => new PartyMemberRow(m.Id, m.Name, m.PartyOrganisationId, m.InService, m.AreaCode, m.JoinedOn));
    }

    static IQueryable<VehicleRow> Vehicles(CivicGridDbContext db, VehicleQuery q)
    {
        var rows = Within(db.Vehicles.AsNoTracking(), q.AreaCode);
        if (!string.IsNullOrWhiteSpace(q.Plate)) rows = rows.Where(v => v.PlateNumber.Contains(q.Plate.ToUpper()));
        return rows.OrderBy(v => v.PlateNumber).Select(v => new VehicleRow(v.Id, v.PlateNumber, v.Kind, v.AreaCode, v.OwnerResidentId));
    }

    static IDictionary<string, object?> Sheet(params (string Column, object? Value)[] cells) => cells.ToDictionary(c => c.Column, c => c.Value);

    internal static IQueryable<T> Within<T>(IQueryable<T> rows, string? areaCode) where T : IScoped
    {
        if (string.IsNullOrWhiteSpace(areaCode)) return rows;
        var prefix = AreaCodePrefix.Of(areaCode);
        return rows.Where(r => r.AreaCode.StartsWith(prefix));
    }

    internal static async Task<Paged<T>> Page<T>(IQueryable<T> rows, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.Of(page, pageSize);
        return new Paged<T>(await rows.CountAsync(ct), paging.Page, paging.Size, await rows.Skip(paging.Skip).Take(paging.Size).ToListAsync(ct));
    }
}
