using CivicGrid.Modules.Calendar.Domain;
using CivicGrid.Modules.Calendar.Loading;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Calendar.Features;

/// <summary>
/// PUT /api/calendar/{year}: load a new year or replace a loaded one, whole (admin). Version 0 creates a year; a
/// loaded year needs the version last read. This instance's calendar follows at once, the others within a minute.
/// </summary>
public static class ReplaceCalendarYear
{
    public sealed record Request(int Version, NamedDate?[]? Holidays, NamedDate?[]? WorkingDays);

    public static void Map(RouteGroupBuilder calendar) =>
        calendar.MapPut("/{year:int}", Handle).RequireAuthorization(Permissions.Calendar.Manage);

    static async Task<Results<Ok<GetCalendarYear.Response>, ProblemHttpResult>> Handle(
        int year, Request request, CivicGridDbContext db, CurrentCalendar current, TimeProvider clock, CancellationToken ct)
    {
        var rules = YearRules.Create(year, request.Holidays, request.WorkingDays);
        if (rules.IsError) return rules.Error!.ToProblem();

        var stored = await db.CalendarYears.Include(y => y.Days).SingleOrDefaultAsync(y => y.Year == year, ct);
        var isNew = stored is null;
        if ((stored?.Version ?? 0) != request.Version) return Error.StaleWrite.ToProblem();
        if (stored is null)
            db.CalendarYears.Add(stored = CalendarYear.From(rules.Value, clock.GetUtcNow()));
        else
        {
            stored.Replace(rules.Value, clock.GetUtcNow());
            // Only the days' rows may have changed: mark the year itself so its Version moves and guards the replacement.
            db.Entry(stored).State = EntityState.Modified;
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) when (isNew) { return Error.StaleWrite.ToProblem(); } // another admin created it first

        await current.RefreshAsync(force: true, ct);
        return TypedResults.Ok(GetCalendarYear.Response.From(stored));
    }
}
