using CivicGrid.Modules.Areas.Locating;
using CivicGrid.Modules.CoBuilding.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.CoBuilding.Features;

/// <summary>资源清单: a unit publishes what it can offer, with where and when; it may withdraw it later.</summary>
public static class PublishResource
{
    public sealed record Request(Guid? UnitId, string Category, string Title, string? Description, string? Capacity,
        double? Longitude, double? Latitude, string? Address, DateTimeOffset? AvailableFrom, DateTimeOffset? AvailableUntil);

    public static void Map(RouteGroupBuilder g)
    {
        g.MapPost("/resources", Publish).RequireAuthorization(Permissions.CoBuilding.Take);
        g.MapPost("/resources/{id:guid}/withdraw", Withdraw).RequireAuthorization(Permissions.CoBuilding.Take);
    }

    public static async Task<Results<Created<BrowseLists.ResourceView>, ProblemHttpResult>> Publish(Request r, CivicGridDbContext db,
        CurrentUser user, GridLocator grids, TimeProvider clock, CancellationToken ct)
    {
        var unit = Access.ActingUnit(user, r.UnitId);
        if (unit.IsError) return unit.Error!.ToProblem();
        if (!Categories.Exists(r.Category)) return CoBuildingErrors.UnknownCategory.ToProblem();
        if (string.IsNullOrWhiteSpace(r.Title)) return CoBuildingErrors.TitleRequired.ToProblem();
        if (r.Longitude is not { } lon || r.Latitude is not { } lat) return CoBuildingErrors.LocationRequired.ToProblem();
        var now = clock.GetUtcNow();
        var from = r.AvailableFrom ?? now;
        if (r.AvailableUntil is { } until && until <= from) return CoBuildingErrors.WindowInvalid.ToProblem();
        var org = await db.Organisations.IgnoreQueryFilters([DataScope.FilterName]).SingleAsync(o => o.Id == unit.Value, ct);
        var grid = grids.Locate(lon, lat);
        var resource = new Resource
        {
            Id = Guid.CreateVersion7(now), UnitId = unit.Value, AreaCode = grid?.Code ?? org.AreaCode, Category = r.Category,
            Title = Access.Clip(r.Title, 100), Description = Access.Clip(r.Description, 2000), Capacity = Access.Clip(r.Capacity, 100),
            Longitude = lon, Latitude = lat, Address = Access.Clip(string.IsNullOrWhiteSpace(r.Address) ? grid?.Name ?? org.Address : r.Address, 200),
            AvailableFrom = from, AvailableUntil = r.AvailableUntil, PublishedAt = now,
        };
        db.CoBuildingResources.Add(resource);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/cobuilding/resources/{resource.Id}", BrowseLists.View(resource, org.Name));
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Withdraw(Guid id, CivicGridDbContext db, CurrentUser user, CancellationToken ct)
    {
        var resource = await db.CoBuildingResources.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (resource is null) return TypedResults.NotFound();
        var unit = Access.ActingUnit(user, resource.UnitId);
        if (unit.IsError) return unit.Error!.ToProblem();
        if (resource.Withdrawn) return CoBuildingErrors.ResourceWithdrawn.ToProblem();
        resource.Withdrawn = true;
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
