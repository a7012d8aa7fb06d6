using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Modules.Identity.Domain;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Cases.Features;

/// <summary>
/// One route per transition of the closed loop (DOMAIN.md §3), each guarded by its permission; the aggregate checks
/// level, unit and state. Every body may carry the <c>version</c> the caller last saw: a stale one is a 409.
/// </summary>
public static class CaseRoutes
{
    public sealed record CommentRequest(string? Comment, int? Version, Guid[]? PhotoIds = null);
    public sealed record DispatchRequest(Guid LeadUnitId, Guid[]? CooperatingUnitIds, string? Comment, int? Version);
    public sealed record ExtensionRequest(int Days, string? Reason, int? Version);
    public sealed record DecisionRequest(bool Grant, string? Comment, int? Version);
    public sealed record VerifyRequest(bool Passed, string? Comment, int? Version, Guid[]? PhotoIds = null);
    public sealed record CloseRequest(bool Solved, string? Comment, int? Version);
    public sealed record RateRequest(Satisfaction Rating, string? Comment, int? Version);
    public sealed record MergeRequest(Guid IntoCaseId, int? Version);
    public sealed record RelocateRequest(double Longitude, double Latitude, string? Address, int? Version);

    public static void Map(RouteGroupBuilder cases)
    {
        var dispatch = Permissions.Cases.Dispatch;
        var handle = Permissions.Cases.Handle;

        cases.MapPost("/{id:guid}/accept", (Guid id, CommentRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, s => s.Case.Accept(s.Actor, r.Comment, s.Now), ct)).RequireAuthorization(dispatch);
        cases.MapPost("/{id:guid}/reject", (Guid id, CommentRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, s => s.Case.Reject(s.Actor, r.Comment, s.Now), ct)).RequireAuthorization(dispatch);
        cases.MapPost("/{id:guid}/dispatch", (Guid id, DispatchRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, s => Dispatch(s, r, whistle: false, ct), ct)).RequireAuthorization(dispatch);
        cases.MapPost("/{id:guid}/whistle", (Guid id, DispatchRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, s => Dispatch(s, r, whistle: true, ct), ct)).RequireAuthorization(Permissions.Cases.Whistle);
        cases.MapPost("/{id:guid}/escalate", (Guid id, CommentRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, s => s.Case.Escalate(s.Actor, r.Comment, s.Now), ct)).RequireAuthorization(dispatch);
        cases.MapPost("/{id:guid}/relocate", (Guid id, RelocateRequest r, MoveCase m, Areas.Locating.GridLocator grids, CancellationToken ct) =>
            m.RunAsync(id, r.Version, s => grids.Locate(r.Longitude, r.Latitude) is { } grid
                ? s.Case.Relocate(s.Actor, grid.Code, r.Longitude, r.Latitude, string.IsNullOrWhiteSpace(r.Address) ? grid.Name : r.Address.Trim(), s.Now)
                : CaseErrors.OutsideGrids, ct)).RequireAuthorization(dispatch);

        cases.MapPost("/{id:guid}/sign-for", (Guid id, CommentRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, s => s.Case.SignFor(s.Actor, s.Now), ct)).RequireAuthorization(handle);
        cases.MapPost("/{id:guid}/start", (Guid id, CommentRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, s => s.Case.StartHandling(s.Actor, r.Comment, s.Now), ct)).RequireAuthorization(handle);
        cases.MapPost("/{id:guid}/handled", (Guid id, CommentRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, async s =>
            {
                var photos = await s.PhotosAsync(r.PhotoIds, ct);
                return photos.IsError ? photos.Error : s.Case.ReportHandled(s.Actor, r.Comment, photos.Value, s.Calendar, s.Now);
            }, ct)).RequireAuthorization(handle);
        cases.MapPost("/{id:guid}/return", (Guid id, CommentRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, s => s.Case.Return(s.Actor, r.Comment, s.Now), ct)).RequireAuthorization(handle);
        cases.MapPost("/{id:guid}/extension", (Guid id, ExtensionRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, s => s.Case.RequestExtension(s.Actor, r.Days, r.Reason, s.Now), ct)).RequireAuthorization(handle);
        cases.MapPost("/{id:guid}/extension/decision", (Guid id, DecisionRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, s => s.Case.DecideExtension(s.Actor, r.Grant, r.Comment, s.Calendar, s.Now), ct)).RequireAuthorization(dispatch);

        cases.MapPost("/{id:guid}/verify", (Guid id, VerifyRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, async s =>
            {
                var photos = await s.PhotosAsync(r.PhotoIds, ct);
                return photos.IsError ? photos.Error : s.Case.Verify(s.Actor, r.Passed, r.Comment, photos.Value, s.Now);
            }, ct)).RequireAuthorization(Permissions.Cases.Verify);
        cases.MapPost("/{id:guid}/close", (Guid id, CloseRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, s => s.Case.Close(s.Actor, r.Solved, r.Comment, s.Now), ct)).RequireAuthorization(dispatch);
        cases.MapPost("/{id:guid}/rate", (Guid id, RateRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, s => s.Case.Rate(s.Actor, r.Rating, r.Comment, s.User.Can(dispatch), s.Now), ct)).RequireAuthorization();
        cases.MapPost("/{id:guid}/reopen", (Guid id, CommentRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, async s => s.Case.Reopen(s.Actor, r.Comment, await s.ItemAsync(ct), s.Calendar, s.Now), ct)).RequireAuthorization(dispatch);
        cases.MapPost("/{id:guid}/supervise", (Guid id, CommentRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, s => s.Case.Supervise(s.Actor, r.Comment, s.Now), ct)).RequireAuthorization(Permissions.Cases.Supervise);
        cases.MapPost("/{id:guid}/merge", (Guid id, MergeRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, async s =>
            {
                var target = await s.Db.Cases.Include(c => c.Assignments).SingleOrDefaultAsync(c => c.Id == r.IntoCaseId, ct);
                return target is null ? CaseErrors.NotFound : s.Case.MergeInto(target, s.Actor, s.Now);
            }, ct)).RequireAuthorization(dispatch);
    }

    static async Task<CivicGrid.Shared.Error?> Dispatch(MoveCase.Step s, DispatchRequest r, bool whistle, CancellationToken ct)
    {
        var units = await s.UnitsAsync([r.LeadUnitId, .. r.CooperatingUnitIds ?? []], ct);
        if (units.IsError) return units.Error;
        return s.Case.Dispatch(s.Actor, units.Value[0], units.Value[1..], whistle, await s.ItemAsync(ct), s.Calendar, r.Comment, s.Now);
    }
}
