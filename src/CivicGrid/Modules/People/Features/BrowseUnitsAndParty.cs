using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.People.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.People.Features;

/// <summary>
/// GET /api/organisations (units located in an area), GET /api/party-organisations (the party organisation tree, one level
/// at a time, with member counts), GET /api/party-members, GET /api/vehicles. All scoped, all paged.
/// </summary>
public static class BrowseUnitsAndParty
{
    public sealed record OrganisationRow(Guid Id, string Name, OrganisationKind Kind, string AreaCode, string Address);
    public sealed record PartyOrganisationRow(Guid Id, string Name, PartyOrganisationLevel Level, string AreaCode, Guid? ParentId, int Children, int Members);
    public sealed record PartyMemberRow(Guid Id, string Name, Guid PartyOrganisationId, bool InService, string AreaCode, DateOnly? JoinedOn);
    public sealed record VehicleRow(Guid Id, string PlateNumber, string Kind, string AreaCode, Guid? OwnerResidentId);

    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/api").WithTags("People").RequireAuthorization(Permissions.People.View);
        group.MapGet("/organisations", Organisations);
        group.MapGet("/party-organisations", PartyOrganisations);
        group.MapGet("/party-members", PartyMembers);
        group.MapGet("/vehicles", Vehicles);
    }

    static Task<Paged<OrganisationRow>> Organisations(string? areaCode, OrganisationKind? kind, string? q, int? page, int? pageSize, CivicGridDbContext db, CancellationToken ct)
    {
        var rows = Within(db.Organisations.AsNoTracking(), areaCode);
        if (kind is { } k) rows = rows.Where(o => o.Kind == k);
        if (!string.IsNullOrWhiteSpace(q)) rows = rows.Where(o => o.Name.Contains(q));
        return Page(rows.OrderBy(o => o.AreaCode).ThenBy(o => o.Name)
            .Select(o => new OrganisationRow(o.Id, o.Name, o.Kind, o.AreaCode, o.Address)), page, pageSize, ct);
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

    static Task<Paged<PartyMemberRow>> PartyMembers(Guid? organisationId, string? areaCode, bool? inService, int? page, int? pageSize, CivicGridDbContext db, CancellationToken ct)
    {
        var rows = Within(db.PartyMembers.AsNoTracking(), areaCode);
        if (organisationId is { } o) rows = rows.Where(m => m.PartyOrganisationId == o);
        if (inService is { } s) rows = rows.Where(m => m.InService == s);
        return Page(rows.OrderBy(m => m.AreaCode).ThenBy(m => m.Name)
            .Select(m => new PartyMemberRow(m.Id, m.Name, m.PartyOrganisationId, m.InService, m.AreaCode, m.JoinedOn)), page, pageSize, ct);
    }

    static Task<Paged<VehicleRow>> Vehicles(string? areaCode, string? plate, int? page, int? pageSize, CivicGridDbContext db, CancellationToken ct)
    {
        var rows = Within(db.Vehicles.AsNoTracking(), areaCode);
        if (!string.IsNullOrWhiteSpace(plate)) rows = rows.Where(v => v.PlateNumber.Contains(plate.ToUpper()));
        return Page(rows.OrderBy(v => v.PlateNumber).Select(v => new VehicleRow(v.Id, v.PlateNumber, v.Kind, v.AreaCode, v.OwnerResidentId)), page, pageSize, ct);
    }

    static IQueryable<T> Within<T>(IQueryable<T> rows, string? areaCode) where T : IScoped
    {
        if (string.IsNullOrWhiteSpace(areaCode)) return rows;
        var prefix = AreaCode.TryParse(areaCode, out var c) ? c.Prefix : areaCode;
        return rows.Where(r => r.AreaCode.StartsWith(prefix));
    }

    static async Task<Paged<T>> Page<T>(IQueryable<T> rows, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.Of(page, pageSize);
        return new Paged<T>(await rows.CountAsync(ct), paging.Page, paging.Size, await rows.Skip(paging.Skip).Take(paging.Size).ToListAsync(ct));
    }
}
