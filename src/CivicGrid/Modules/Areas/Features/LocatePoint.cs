using CivicGrid.Modules.Areas.Locating;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Shared;

namespace CivicGrid.Modules.Areas.Features;

/// <summary>
/// GET /api/areas/locate?lon=&amp;lat= — which grid a point falls in. Outside every grid is an answer, not an error.
/// Open to whoever may view areas or report a problem: a resident placing a pin is told the grid before submitting.
/// </summary>
public static class LocatePoint
{
    public sealed record Response(bool Inside, string? GridCode, string? GridName, string? CommunityCode, string? Message);

    public static void Map(RouteGroupBuilder areas) =>
        areas.MapGet("/locate", Handle)
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireClaim(CurrentUser.PermissionClaim, Permissions.Areas.View, Permissions.Cases.Report))
            .WithSummary("Find the grid that covers a WGS-84 point");

    static IResult Handle(double? lon, double? lat, GridLocator locator)
    {
        if (lon is not { } x || lat is not { } y || x is < -180 or > 180 || y is < -90 or > 90)
            return AreaProblems.BadPoint.ToProblem();
        var grid = locator.Locate(x, y);
        return grid is null
            ? TypedResults.Ok(new Response(false, null, null, null, "该位置不在任何网格内。"))
            : TypedResults.Ok(new Response(true, grid.Code, grid.Name, grid.Code[..12], null));
    }
}

static class AreaProblems
{
    public static readonly CivicGrid.Shared.Error BadPoint =
        CivicGrid.Shared.Error.Validation("area.point_invalid", "经纬度无效：lon 须在 -180~180，lat 须在 -90~90。");
}
