using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Persistence;
using CivicGrid.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Modules.Open311.Features;

/// <summary>
/// GET servicerequestupdates.{fmt}: FixMyStreet's extension of GeoReport v2, the updates of public requests in a window,
/// oldest first, so a client that files reports here can follow them without polling each one. Each update is one
/// entry of a case's history (update_id = the entry's id) with an extended status and a fixed public phrase
/// (<see cref="PublicCases.UpdateOf"/>); internal entries are left out.
/// </summary>
public static class ListRequestUpdates
{
    public sealed record RequestUpdate(string UpdateId, string ServiceRequestId, string Status, DateTimeOffset UpdatedDatetime,
        string Description, string MediaUrl);

    public static void Map(RouteGroupBuilder open311) => open311.MapGet($"/servicerequestupdates.{Open311Result.Format}", Handle);

    static async Task<Open311Result> Handle(string format, [FromQuery(Name = "start_date")] string? start,
        [FromQuery(Name = "end_date")] string? end, CivicGridDbContext db, TimeProvider clock, IStringLocalizer<Ui> l, CancellationToken ct)
    {
        var fmt = Open311Result.Parse(format);
        var window = QueryWindow.Read(start, end, clock.GetUtcNow());
        if (window.IsError) return Open311Result.Problem(fmt, window.Error!, l);
        var (since, until) = window.Value;
        var rows = await (
            from t in db.CaseTransitions.AsNoTracking()
            join c in PublicCases.Query(db) on t.CaseId equals c.Id
            where t.At >= since && t.At <= until && PublicCases.PublishedActions.Contains(t.Action)
                  // A dispatch or sign-for is one entry per unit: the lead unit's speaks for the case.
                  && (t.UnitRole == null || t.UnitRole == AssignmentRole.Lead)
            orderby t.At, t.Id
            select new { t.Id, c.Number, t.Action, t.Solved, t.At }).Take(QueryWindow.MaxResults).ToListAsync(ct);
        var updates = rows.Select(r => (Row: r, Update: PublicCases.UpdateOf(r.Action, r.Solved)!.Value))
            .Select(x => new RequestUpdate(x.Row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), x.Row.Number,
                x.Update.Status, x.Row.At, l[$"Open311.Update.{x.Update.Phrase}"], ""))
            .ToList();
        return new Open311Result(fmt, "service_requests_updates", updates);
    }
}
