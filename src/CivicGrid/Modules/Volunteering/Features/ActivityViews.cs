using CivicGrid.Modules.Volunteering.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Volunteering.Features;

/// <summary>
/// The activity board (活动列表): upcoming activities, nearest first when the phone gives a position, otherwise the
/// caller's home community first; one activity with the caller's own sign-up; the caller's hours (我的时长).
/// </summary>
public static class ActivityViews
{
    public sealed record Summary(Guid Id, string Title, string Description, string CommunityCode, string CommunityName,
        DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Address, double Longitude, double Latitude, int Places, int Taken,
        int Waiting, double? DistanceKm, Mine? Mine);

    public sealed record Mine(Guid SignupId, SignupStatus Status, int? QueuePosition, DateTimeOffset? CheckedInAt,
        DateTimeOffset? CheckedOutAt, int? Minutes);

    public sealed record HoursLine(Guid SignupId, Guid ActivityId, string Title, DateTimeOffset StartsAt, DateTimeOffset? CheckedInAt,
        DateTimeOffset? CheckedOutAt, int? Minutes, bool Corrected);

    public sealed record MyHours(int Year, int Minutes, int Activities, List<HoursLine> Lines);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/activities", List).RequireAuthorization();
        group.MapGet("/activities/{id:guid}", Get).RequireAuthorization();
        group.MapGet("/me/hours", Hours).RequireAuthorization();
    }

    static async Task<Ok<List<Summary>>> List(double? lat, double? lng, bool? past, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await ListAsync(db, user, clock.GetUtcNow(), lat, lng, past == true, ct));

    static async Task<Results<Ok<Summary>, NotFound>> Get(Guid id, CivicGridDbContext db, CurrentUser user, CancellationToken ct) =>
        await SummaryAsync(db, user, id, ct) is { } s ? TypedResults.Ok(s) : TypedResults.NotFound();

    static async Task<Ok<MyHours>> Hours(int? year, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await HoursAsync(db, user.Id!.Value, year ?? ServiceYear.Of(clock.GetUtcNow()), ct));

    public static async Task<List<Summary>> ListAsync(CivicGridDbContext db, CurrentUser user, DateTimeOffset now, double? lat, double? lng,
        bool past, CancellationToken ct)
    {
        var query = past
            ? db.VolunteerActivities.Where(a => a.EndsAt <= now).OrderByDescending(a => a.StartsAt)
            : db.VolunteerActivities.Where(a => a.EndsAt > now).OrderBy(a => a.StartsAt);
        var items = await ProjectAsync(query.Take(200), db, user.Id, ct);
        if (lat is { } y && lng is { } x)
            return items.Select(i => i with { DistanceKm = Math.Round(Distance.Km(y, x, i.Latitude, i.Longitude), 2) })
                .OrderBy(i => i.DistanceKm).ThenBy(i => i.StartsAt).ToList();
        var home = await HomeCommunityAsync(db, user, ct);
        return items.OrderBy(i => i.CommunityCode == home ? 0 : 1).ThenBy(i => past ? -i.StartsAt.UtcTicks : i.StartsAt.UtcTicks).ToList();
    }

    public static async Task<Summary?> SummaryAsync(CivicGridDbContext db, CurrentUser user, Guid id, CancellationToken ct) =>
        (await ProjectAsync(db.VolunteerActivities.Where(a => a.Id == id), db, user.Id, ct)).SingleOrDefault();

    /// <summary>Where the caller lives: their resident record's community, else the community they registered with.</summary>
    public static async Task<string?> HomeCommunityAsync(CivicGridDbContext db, CurrentUser user, CancellationToken ct)
    {
        if (user.Scope.ResidentId is { } resident
            && await db.Residents.IgnoreQueryFilters([DataScope.FilterName]).Where(r => r.Id == resident).Select(r => r.AreaCode).FirstOrDefaultAsync(ct) is { } code)
            return code[..12];
        return await db.DualRegistrations.Where(r => r.AccountId == user.Id && r.Kind == RegistrationKind.Member)
            .Select(r => r.AreaCode).FirstOrDefaultAsync(ct);
    }

    public static async Task<MyHours> HoursAsync(CivicGridDbContext db, Guid accountId, int year, CancellationToken ct)
    {
        var (from, to) = ServiceYear.Bounds(year);
        // Read past the filter: the caller is the volunteer (or someone who already saw their registration).
        var lines = await db.ActivitySignups.IgnoreQueryFilters([DataScope.FilterName])
            .Where(s => s.AccountId == accountId && s.Status == SignupStatus.Confirmed)
            .Join(db.VolunteerActivities, s => s.ActivityId, a => a.Id, (s, a) => new { s, a })
            .Where(x => x.a.StartsAt >= from && x.a.StartsAt < to && (x.s.CheckedInAt != null || x.s.Minutes != null))
            .OrderBy(x => x.a.StartsAt)
            .Select(x => new HoursLine(x.s.Id, x.a.Id, x.a.Title, x.a.StartsAt, x.s.CheckedInAt, x.s.CheckedOutAt, x.s.Minutes,
                db.HoursCorrections.Any(c => c.SignupId == x.s.Id)))
            .ToListAsync(ct);
        return new MyHours(year, lines.Sum(l => l.Minutes ?? 0), lines.Count(l => (l.Minutes ?? 0) > 0), lines);
    }

    /// <summary>
    /// Activities with their counts and the caller's own sign-up. Counts are not personal: read past the filter so a
    /// volunteer sees how long the queue is, not only their own row. Three plain queries (SQLite has no APPLY).
    /// </summary>
    public static async Task<List<Summary>> ProjectAsync(IQueryable<VolunteerActivity> query, CivicGridDbContext db, Guid? me, CancellationToken ct)
    {
        var activities = await query.AsNoTracking().ToListAsync(ct);
        var ids = activities.Select(a => a.Id).ToList();
        var waiting = await db.ActivitySignups.IgnoreQueryFilters([DataScope.FilterName])
            .Where(s => ids.Contains(s.ActivityId) && s.Status == SignupStatus.Waiting)
            .Select(s => new { s.ActivityId, s.Turn, s.Id }).ToListAsync(ct);
        var mine = await db.ActivitySignups.Where(s => ids.Contains(s.ActivityId) && s.AccountId == me).AsNoTracking().ToDictionaryAsync(s => s.ActivityId, ct);
        var names = await Names.AreasAsync(db, activities.Select(a => a.AreaCode), ct);
        return activities.Select(a =>
        {
            var queue = waiting.Where(w => w.ActivityId == a.Id).OrderBy(w => w.Turn).ToList();
            Mine? my = mine.TryGetValue(a.Id, out var s)
                ? new Mine(s.Id, s.Status, s.Status == SignupStatus.Waiting ? queue.FindIndex(w => w.Id == s.Id) + 1 : null,
                    s.CheckedInAt, s.CheckedOutAt, s.Minutes)
                : null;
            return new Summary(a.Id, a.Title, a.Description, a.AreaCode, names.GetValueOrDefault(a.AreaCode, a.AreaCode), a.StartsAt, a.EndsAt,
                a.Address, a.Longitude, a.Latitude, a.Places, a.Taken, queue.Count, null, my);
        }).ToList();
    }
}

/// <summary>A service year runs on China Standard Time: 1 January 00:00 +08:00 to the next.</summary>
public static class ServiceYear
{
    static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    public static int Of(DateTimeOffset at) => at.ToOffset(Cst).Year;

    public static (DateTimeOffset From, DateTimeOffset To) Bounds(int year) =>
        (new DateTimeOffset(year, 1, 1, 0, 0, 0, Cst).ToUniversalTime(), new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, Cst).ToUniversalTime());
}

/// <summary>Great-circle distance; a few hundred activities are sorted in memory.</summary>
public static class Distance
{
    public static double Km(double lat1, double lng1, double lat2, double lng2)
    {
        const double R = 6371.0;
        double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLng = Rad(lng2 - lng1);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLng / 2) * Math.Sin(dLng / 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
