using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Points.Features;

/// <summary>
/// Staff reverse an entry (冲正) of their community, with a reason: a new entry of the opposite amount naming the
/// original, once only. A spend is undone by cancelling its redemption instead (so stock and the code follow).
/// </summary>
public static class ReverseEntry
{
    public sealed record Request(string? Reason);

    public static void Map(RouteGroupBuilder points) =>
        points.MapPost("/entries/{id:guid}/reverse", async Task<Results<Ok<PointsViews.Entry>, NotFound, ProblemHttpResult>> (
            Guid id, Request request, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
        {
            var result = await RunAsync(db, user, id, request.Reason, clock.GetUtcNow(), ct);
            if (result is not { } r) return TypedResults.NotFound();
            return r.IsError ? r.Error!.ToProblem() : TypedResults.Ok(r.Value);
        }).RequireAuthorization(Permissions.Points.Manage);

    public static async Task<Result<PointsViews.Entry>?> RunAsync(CivicGridDbContext db, CurrentUser user, Guid id, string? reason, DateTimeOffset now, CancellationToken ct)
    {
        var original = await db.PointsEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (original is null || !user.Scope.Covers(original.AreaCode)) return null; // one's own entries are not one's to reverse
        if (string.IsNullOrWhiteSpace(reason)) return PointsErrors.ReasonRequired;
        if (original.Kind == PointsEntryKind.Spend) return PointsErrors.NotReversible;
        // An expiry follows the rule; undoing it would leave an earning the sweep has already settled (README.md rule 9).
        if (original.Kind == PointsEntryKind.Expiry) return PointsErrors.ExpiryFinal;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var reversal = await PointsLedger.ReverseAsync(db, original, reason.Trim(), user.Id, now, ct);
        if (reversal.IsError) return reversal.Error!;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The only constraint a checked reversal can still meet is the unique ReversesId: a second staff member got
            // there first. The transaction rolls back with the balance change.
            return PointsErrors.AlreadyReversed;
        }
        await tx.CommitAsync(ct);
        var r = reversal.Value;
        return new PointsViews.Entry(r.Id, r.AccountId, r.AreaCode, r.Kind, r.Amount, null, null, r.SourceKind, r.SourceId, r.Title,
            r.ReversesId, r.Reason, r.At, false);
    }
}
