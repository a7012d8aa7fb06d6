using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Modules.Identity.Domain;

namespace CivicGrid.Modules.Cases.Features;

/// <summary>
/// One route per transition of the closed loop (DOMAIN.md §3), each guarded by its permission; the aggregate checks
/// level, unit and state. Every body may carry the <c>version</c> the caller last saw: a stale one is a 409. What each
/// move does is in <see cref="CaseMoves"/>, shared with the console.
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
            m.RunAsync(id, r.Version, CaseMoves.Accept(r.Comment), ct)).RequireAuthorization(dispatch);
        cases.MapPost("/{id:guid}/reject", (Guid id, CommentRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, CaseMoves.Reject(r.Comment), ct)).RequireAuthorization(dispatch);
        cases.MapPost("/{id:guid}/dispatch", (Guid id, DispatchRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, CaseMoves.Dispatch(r.LeadUnitId, r.CooperatingUnitIds, r.Comment), ct)).RequireAuthorization(dispatch);
        cases.MapPost("/{id:guid}/whistle", (Guid id, DispatchRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, CaseMoves.Dispatch(r.LeadUnitId, r.CooperatingUnitIds, r.Comment, whistle: true), ct))
            .RequireAuthorization(Permissions.Cases.Whistle);
        cases.MapPost("/{id:guid}/escalate", (Guid id, CommentRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, CaseMoves.Escalate(r.Comment), ct)).RequireAuthorization(dispatch);
        cases.MapPost("/{id:guid}/relocate", (Guid id, RelocateRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, CaseMoves.Relocate(r.Longitude, r.Latitude, r.Address), ct)).RequireAuthorization(dispatch);

        cases.MapPost("/{id:guid}/sign-for", (Guid id, CommentRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, CaseMoves.SignFor(), ct)).RequireAuthorization(handle);
        cases.MapPost("/{id:guid}/start", (Guid id, CommentRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, CaseMoves.Start(r.Comment), ct)).RequireAuthorization(handle);
        cases.MapPost("/{id:guid}/handled", (Guid id, CommentRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, CaseMoves.ReportHandled(r.Comment, r.PhotoIds), ct)).RequireAuthorization(handle);
        cases.MapPost("/{id:guid}/return", (Guid id, CommentRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, CaseMoves.Return(r.Comment), ct)).RequireAuthorization(handle);
        cases.MapPost("/{id:guid}/extension", (Guid id, ExtensionRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, CaseMoves.AskExtension(r.Days, r.Reason), ct)).RequireAuthorization(handle);
        cases.MapPost("/{id:guid}/extension/decision", (Guid id, DecisionRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, CaseMoves.DecideExtension(r.Grant, r.Comment), ct)).RequireAuthorization(dispatch);

        cases.MapPost("/{id:guid}/verify", (Guid id, VerifyRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, CaseMoves.Verify(r.Passed, r.Comment, r.PhotoIds), ct)).RequireAuthorization(Permissions.Cases.Verify);
        cases.MapPost("/{id:guid}/close", (Guid id, CloseRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, CaseMoves.Close(r.Solved, r.Comment), ct)).RequireAuthorization(dispatch);
        cases.MapPost("/{id:guid}/rate", (Guid id, RateRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, CaseMoves.Rate(r.Rating, r.Comment), ct)).RequireAuthorization();
        cases.MapPost("/{id:guid}/reopen", (Guid id, CommentRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, CaseMoves.Reopen(r.Comment), ct)).RequireAuthorization(dispatch);
        cases.MapPost("/{id:guid}/supervise", (Guid id, CommentRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, CaseMoves.Supervise(r.Comment), ct)).RequireAuthorization(Permissions.Cases.Supervise);
        cases.MapPost("/{id:guid}/merge", (Guid id, MergeRequest r, MoveCase m, CancellationToken ct) =>
            m.RunAsync(id, r.Version, CaseMoves.Merge(r.IntoCaseId), ct)).RequireAuthorization(dispatch);
    }
}
