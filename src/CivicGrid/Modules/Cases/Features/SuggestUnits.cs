using CivicGrid.Modules.People.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Cases.Features;

/// <summary>
/// Whom a case can go to: the units of its district, those whose duty is the catalog item's lead duty first, then its
/// cooperating duties, then the rest. The dispatcher picks; the suggestion never dispatches by itself.
/// </summary>
public static class SuggestUnits
{
    public sealed record Unit(Guid Id, string Name, string? Duty, OrganisationKind Kind, string Fit);

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapGet("/{id:guid}/units", Handle).RequireAuthorization(Identity.Domain.Permissions.Cases.Dispatch);

    static async Task<Results<Ok<List<Unit>>, NotFound>> Handle(Guid id, CivicGridDbContext db, CancellationToken ct) =>
        await ForCaseAsync(id, db, ct) is { } units ? TypedResults.Ok(units) : TypedResults.NotFound();

    /// <summary>The units a case can go to, best fit first; null when the case is not visible. The dispatch dialog lists the same.</summary>
    public static async Task<List<Unit>?> ForCaseAsync(Guid id, CivicGridDbContext db, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.AreaCode, x.ItemCode }).SingleOrDefaultAsync(ct);
        if (c is null) return null;
        var item = await db.CatalogItems.AsNoTracking().SingleAsync(i => i.Code == c.ItemCode, ct);
        var district = c.AreaCode[..6];
        // Units are public names; the dispatcher reaches district departments whatever their own area.
        var units = await db.Organisations.IgnoreQueryFilters([DataScope.FilterName]).AsNoTracking()
            .Where(o => o.AreaCode.StartsWith(district) && o.Duty != null)
            .Select(o => new { o.Id, o.Name, o.Duty, o.Kind, o.AreaCode }).ToListAsync(ct);
        string Fit(string? duty) => duty == item.LeadDuty ? "lead" : item.CooperatingDuties.Contains(duty ?? "") ? "cooperating" : "other";
        // Nearer units first within a fit: a community's own property company before another street's.
        return units
            .OrderBy(u => Fit(u.Duty) switch { "lead" => 0, "cooperating" => 1, _ => 2 })
            .ThenByDescending(u => CommonPrefix(u.AreaCode, c.AreaCode))
            .ThenBy(u => u.Name)
            .Select(u => new Unit(u.Id, u.Name, u.Duty, u.Kind, Fit(u.Duty))).ToList();
    }

    static int CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n]) n++;
        return n;
    }
}
