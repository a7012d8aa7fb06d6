using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Cases.Features;

/// <summary>
/// The duplicate hint at intake: open cases of the same item within <c>Cases:DuplicateRadiusMeters</c> (default 150 m)
/// reported in the last <c>Cases:DuplicateDays</c> (default 7). Staff see the cases in their scope; a resident sees only
/// how many there are and how far they have got — never someone else's words or address.
/// </summary>
public static class FindDuplicates
{
    public sealed record Nearby(Guid? Id, string? Number, CaseStatus Status, string StatusText, DateTimeOffset ReportedAt,
        int DistanceMeters, string? Description);

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapGet("/duplicates", Handle).RequireAuthorization(Permissions.Cases.Report);

    static async Task<Ok<List<Nearby>>> Handle(string item, double lon, double lat, CivicGridDbContext db, CurrentUser user,
        IConfiguration config, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await NearbyAsync(item, lon, lat, db, user, config, clock.GetUtcNow(), ct));

    /// <summary>The open cases of <paramref name="item"/> near the point, nearest first: the route and the intake page ask the same.</summary>
    public static async Task<List<Nearby>> NearbyAsync(string item, double lon, double lat, CivicGridDbContext db, CurrentUser user,
        IConfiguration config, DateTimeOffset now, CancellationToken ct)
    {
        var radius = config.GetValue("Cases:DuplicateRadiusMeters", 150.0);
        var since = now.AddDays(-config.GetValue("Cases:DuplicateDays", 7));
        // A bounding box in degrees narrows the rows; the exact distance is computed below.
        var dLat = radius / 111_320.0;
        var dLon = radius / (111_320.0 * Math.Cos(lat * Math.PI / 180));
        var staff = user.Can(Permissions.Cases.View);
        var source = staff ? db.Cases : db.Cases.IgnoreQueryFilters([DataScope.FilterName]);
        var finished = CaseStatuses.Finished;
        var rows = await source.AsNoTracking()
            .Where(c => c.ItemCode == item && !finished.Contains(c.Status) && c.ReportedAt >= since
                && c.Longitude >= lon - dLon && c.Longitude <= lon + dLon && c.Latitude >= lat - dLat && c.Latitude <= lat + dLat)
            .Select(c => new { c.Id, c.Number, c.Status, c.ReportedAt, c.Longitude, c.Latitude, c.Description })
            .Take(50).ToListAsync(ct);
        return rows
            .Select(r => (r, d: Meters(lon, lat, r.Longitude, r.Latitude)))
            .Where(x => x.d <= radius)
            .OrderBy(x => x.d)
            .Select(x => staff
                ? new Nearby(x.r.Id, x.r.Number, x.r.Status, x.r.Status.ToChinese(), x.r.ReportedAt, (int)x.d, x.r.Description)
                : new Nearby(null, null, x.r.Status, x.r.Status.ToChinese(), x.r.ReportedAt, (int)x.d, null))
            .ToList();
    }

    /// <summary>Great-circle distance (haversine) in metres.</summary>
    static double Meters(double lon1, double lat1, double lon2, double lat2)
    {
        const double R = 6_371_000;
        double Rad(double d) => d * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2);
        return 2 * R * Math.Asin(Math.Sqrt(a));
    }
}
