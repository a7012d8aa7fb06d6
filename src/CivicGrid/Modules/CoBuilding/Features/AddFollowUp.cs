using CivicGrid.Modules.Cases.Features;
using CivicGrid.Modules.CoBuilding.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.CoBuilding.Features;

/// <summary>
/// 后续事项: a decision carried into the closed loop (a new case through the shared intake <see cref="ReportCase"/>, or an
/// existing case by its number) or into a co-building project. A new case and its follow-up are written in one
/// transaction: the intake saves its case, the follow-up is saved after it, and either both stay or neither.
/// </summary>
public static class AddFollowUp
{
    public sealed record Request(string Text, ReportCase.Request? NewCase, string? CaseNumber, Guid? ProjectId);

    public static void Map(RouteGroupBuilder g) =>
        g.MapPost("/meetings/{id:guid}/follow-ups", Handle).RequireAuthorization(Permissions.CoBuilding.Manage);

    public static async Task<Results<Ok<RecordMeeting.MeetingDetail>, NotFound, ProblemHttpResult>> Handle(Guid id, Request r,
        CivicGridDbContext db, ReportCase intake, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return TypedResults.NotFound();
        var targets = (r.NewCase is null ? 0 : 1) + (string.IsNullOrWhiteSpace(r.CaseNumber) ? 0 : 1) + (r.ProjectId is null ? 0 : 1);
        if (targets != 1) return CoBuildingErrors.FollowUpTarget.ToProblem();
        var followUp = new MeetingFollowUp
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), MeetingId = meeting.Id, At = clock.GetUtcNow(),
            Text = Access.Clip(string.IsNullOrWhiteSpace(r.Text) ? r.NewCase?.Description : r.Text, 1000),
        };
        if (r.ProjectId is { } projectId)
        {
            if (!await db.CoBuildingProjects.AnyAsync(p => p.Id == projectId, ct)) return CoBuildingErrors.ProjectNotFound.ToProblem();
            followUp.ProjectId = projectId;
        }
        else if (r.CaseNumber is { Length: > 0 } number)
        {
            var found = await db.Cases.Where(c => c.Number == number.Trim()).Select(c => new { c.Id, c.Number }).SingleOrDefaultAsync(ct);
            if (found is null) return CoBuildingErrors.CaseNotFound.ToProblem();
            (followUp.CaseId, followUp.CaseNumber) = (found.Id, found.Number);
        }
        if (r.NewCase is { } newCase)
        {
            if (!user.Can(Permissions.Cases.Report)) return TypedResults.Problem(statusCode: 403);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var reported = await intake.RunAsync(newCase, idempotencyKey: null, ReportCase.Door.Api, ct);
            if (reported.IsError) return reported.Error!.ToProblem();
            (followUp.CaseId, followUp.CaseNumber, followUp.CaseOpened) = (reported.Value.CaseId, reported.Value.Number, true);
            db.Add(followUp);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        else
        {
            db.Add(followUp);
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok((await RecordMeeting.DetailAsync(db, id, ct))!);
    }
}
