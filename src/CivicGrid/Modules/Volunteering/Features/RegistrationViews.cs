using CivicGrid.Modules.Volunteering.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Volunteering.Features;

/// <summary>Registrations as the caller may see them (scope does the limiting): a community its own, a unit its own and
/// its members', a member their own. No personal data beyond the registered name.</summary>
public static class RegistrationViews
{
    public sealed record Row(Guid Id, RegistrationKind Kind, string Name, string CommunityCode, string CommunityName,
        Guid? UnitId, string? UnitName, RegistrationStatus Status, DateTimeOffset RegisteredAt, DateTimeOffset? ConfirmedAt);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/registrations", List).RequireAuthorization();

    static async Task<Ok<List<Row>>> List(RegistrationStatus? status, RegistrationKind? kind, CivicGridDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ListAsync(db, status, kind, ct));

    public static Task<List<Row>> ListAsync(CivicGridDbContext db, RegistrationStatus? status, RegistrationKind? kind, CancellationToken ct)
    {
        var query = db.DualRegistrations.AsQueryable();
        if (status is { } s) query = query.Where(r => r.Status == s);
        if (kind is { } k) query = query.Where(r => r.Kind == k);
        return RowsAsync(query.OrderBy(r => r.Status).ThenByDescending(r => r.RegisteredAt).Take(500), db, ct);
    }

    /// <summary>The rows of <paramref name="query"/> (filtered by scope), named. Names are read in a second query: an
    /// IgnoreQueryFilters inside the projection would lift the filter from the whole query.</summary>
    public static async Task<List<Row>> RowsAsync(IQueryable<DualRegistration> query, CivicGridDbContext db, CancellationToken ct)
    {
        var list = await query.AsNoTracking().ToListAsync(ct);
        var areas = await Names.AreasAsync(db, list.Select(r => r.AreaCode), ct);
        var units = await Names.UnitsAsync(db, list.Where(r => r.UnitId != null).Select(r => r.UnitId!.Value), ct);
        return list.Select(r => new Row(r.Id, r.Kind, r.Name, r.AreaCode, areas.GetValueOrDefault(r.AreaCode, r.AreaCode), r.UnitId,
            r.UnitId is { } u ? units.GetValueOrDefault(u) : null, r.Status, r.RegisteredAt, r.ConfirmedAt)).ToList();
    }

    /// <summary>Every community open for registration, by code (names are public): the choices of the unit's and the
    /// member's forms, whatever the caller's scope.</summary>
    public static async Task<List<(string Code, string Name)>> CommunitiesAsync(CivicGridDbContext db, CancellationToken ct) =>
        (await db.Areas.IgnoreQueryFilters([DataScope.FilterName]).AsNoTracking()
            .Where(a => a.Level == AreaLevel.Community && a.RetiredAt == null).OrderBy(a => a.AreaCode)
            .Select(a => new { a.AreaCode, a.Name }).ToListAsync(ct)).Select(a => (a.AreaCode, a.Name)).ToList();

    /// <summary>Every unit a member may name as employer (names are public), for the member's form.</summary>
    public static async Task<List<(Guid Id, string Name)>> EmployersAsync(CivicGridDbContext db, CancellationToken ct) =>
        (await db.Organisations.IgnoreQueryFilters([DataScope.FilterName]).AsNoTracking().OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new { o.Id, o.Name }).Take(5000).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();

    public static Task<bool> IsCommunityAsync(CivicGridDbContext db, string? code, CancellationToken ct) =>
        db.Areas.IgnoreQueryFilters([DataScope.FilterName])
            .AnyAsync(a => a.AreaCode == code && a.Level == AreaLevel.Community && a.RetiredAt == null, ct);
}

/// <summary>Names of areas and units for lists: names are public, whatever the caller's scope.</summary>
public static class Names
{
    public static async Task<Dictionary<string, string>> AreasAsync(CivicGridDbContext db, IEnumerable<string> codes, CancellationToken ct)
    {
        var wanted = codes.Distinct().ToList();
        return await db.Areas.IgnoreQueryFilters([DataScope.FilterName]).Where(a => wanted.Contains(a.AreaCode))
            .ToDictionaryAsync(a => a.AreaCode, a => a.Name, ct);
    }

    public static async Task<Dictionary<Guid, string>> UnitsAsync(CivicGridDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Organisations.IgnoreQueryFilters([DataScope.FilterName]).Where(o => wanted.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }
}
