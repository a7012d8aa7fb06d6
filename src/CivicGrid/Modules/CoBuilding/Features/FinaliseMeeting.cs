using CivicGrid.Modules.CoBuilding.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.CoBuilding.Features;

/// <summary>
/// 定稿: fixes the record. Each present participant with an account earns "a meeting attended" (DOMAIN.md §5): one
/// points event per person and meeting, raised in the same SaveChanges as the record, so it happens exactly when the
/// record is final and never twice.
/// </summary>
public static class FinaliseMeeting
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapPost("/meetings/{id:guid}/finalise", Handle).RequireAuthorization(Permissions.CoBuilding.Manage);

    public static async Task<Results<Ok<RecordMeeting.MeetingDetail>, NotFound, ProblemHttpResult>> Handle(Guid id, CivicGridDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var meeting = await db.Meetings.Include(m => m.Attendees).SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return TypedResults.NotFound();
        var now = clock.GetUtcNow();
        var attended = meeting.Finalise(now);
        if (attended.IsError) return attended.Error!.ToProblem();
        foreach (var account in attended.Value)
            await PointsEvents.RaiseAsync(db, PointsEventKinds.MeetingAttended, meeting.Id, account, meeting.PointsAreaCode, 1, meeting.Topic, now, ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Two finalises at once (a double tap): the loser fails on the meeting's version or, when its points event is
            // written first, on the event's unique key. Either way the record is final now and the points are the
            // winner's: the same answer as a later retry.
            db.ChangeTracker.Clear();
            if (await db.Meetings.AnyAsync(m => m.Id == id && m.FinalisedAt != null, ct)) return CoBuildingErrors.MeetingFinalised.ToProblem();
            throw;
        }
        return TypedResults.Ok((await RecordMeeting.DetailAsync(db, id, ct))!);
    }
}
