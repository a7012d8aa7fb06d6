using CivicGrid.Modules.Areas.Locating;
using CivicGrid.Modules.CoBuilding.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.CoBuilding.Features;

/// <summary>需求清单: community staff and grid workers publish what their community needs; the place locates it to its grid,
/// which must be in their scope.</summary>
public static class PublishNeed
{
    public sealed record Request(string Category, string Title, string? Description, NeedUrgency? Urgency,
        double? Longitude, double? Latitude, string? Address);

    public static void Map(RouteGroupBuilder g)
    {
        g.MapPost("/needs", Publish).RequireAuthorization(Permissions.CoBuilding.Publish);
        g.MapPost("/needs/{id:guid}/withdraw", Withdraw).RequireAuthorization(Permissions.CoBuilding.Manage);
    }

    public static async Task<Results<Created<BrowseLists.NeedView>, ProblemHttpResult>> Publish(Request r, CivicGridDbContext db,
        CurrentUser user, GridLocator grids, TimeProvider clock, CancellationToken ct)
    {
        if (!Categories.Exists(r.Category)) return CoBuildingErrors.UnknownCategory.ToProblem();
        if (string.IsNullOrWhiteSpace(r.Title)) return CoBuildingErrors.TitleRequired.ToProblem();
        if (r.Longitude is not { } lon || r.Latitude is not { } lat) return CoBuildingErrors.LocationRequired.ToProblem();
        if (grids.Locate(lon, lat) is not { } grid) return CoBuildingErrors.OutsideGrids.ToProblem();
        if (!user.Scope.Covers(grid.Code)) return CoBuildingErrors.OutsideScope.ToProblem();
        var now = clock.GetUtcNow();
        var need = new Need
        {
            Id = Guid.CreateVersion7(now), AreaCode = grid.Code, Category = r.Category, Title = Access.Clip(r.Title, 100),
            Description = Access.Clip(r.Description, 2000), Urgency = r.Urgency ?? NeedUrgency.Normal, Longitude = lon, Latitude = lat,
            Address = Access.Clip(string.IsNullOrWhiteSpace(r.Address) ? grid.Name : r.Address, 200), Status = NeedStatus.Open, PublishedAt = now,
        };
        db.CoBuildingNeeds.Add(need);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/cobuilding/needs/{need.Id}", BrowseLists.View(need, ""));
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Withdraw(Guid id, CivicGridDbContext db, CancellationToken ct)
    {
        var need = await db.CoBuildingNeeds.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (need is null) return TypedResults.NotFound();
        if (need.Status is NeedStatus.Confirmed or NeedStatus.Withdrawn) return CoBuildingErrors.NeedTaken.ToProblem();
        need.Status = NeedStatus.Withdrawn;
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
