using CivicGrid.Modules.Calendar.Domain;
using CivicGrid.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Calendar.Features;

/// <summary>GET /api/calendar/{year}: a loaded year's holidays and adjusted working days, for any signed-in user.</summary>
public static class GetCalendarYear
{
    public sealed record Response(int Year, int Version, DateTimeOffset UpdatedAt, NamedDate[] Holidays, NamedDate[] WorkingDays)
    {
        public static Response From(CalendarYear year)
        {
            var rules = year.ToRules();
            return new(year.Year, year.Version, year.UpdatedAt, [.. rules.Holidays], [.. rules.WorkingDays]);
        }
    }

    public static void Map(RouteGroupBuilder calendar) => calendar.MapGet("/{year:int}", Handle).RequireAuthorization();

    static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(int year, CivicGridDbContext db, CancellationToken ct)
    {
        var stored = await db.CalendarYears.AsNoTracking().Include(y => y.Days).SingleOrDefaultAsync(y => y.Year == year, ct);
        return stored is null ? CalendarErrors.NotLoaded(year).ToProblem() : TypedResults.Ok(Response.From(stored));
    }
}
