using System.Text.Json;
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
    /// <summary>What every move's body carries: the case version the caller last saw, if any.</summary>
    public interface IMoveRequest { int? Version { get; } }

    public sealed record CommentRequest(string? Comment, int? Version, Guid[]? PhotoIds = null) : IMoveRequest;
    public sealed record DispatchRequest(Guid LeadUnitId, Guid[]? CooperatingUnitIds, string? Comment, int? Version) : IMoveRequest;
    public sealed record ExtensionRequest(int Days, string? Reason, int? Version) : IMoveRequest;
    public sealed record DecisionRequest(bool? Grant, string? Comment, int? Version) : IMoveRequest;
    public sealed record VerifyRequest(bool? Passed, string? Comment, int? Version, Guid[]? PhotoIds = null) : IMoveRequest;
    public sealed record CloseRequest(bool? Solved, string? Comment, int? Version) : IMoveRequest;
    public sealed record RateRequest(Satisfaction? Rating, string? Comment, int? Version) : IMoveRequest;
    public sealed record MergeRequest(Guid IntoCaseId, int? Version) : IMoveRequest;
    public sealed record RelocateRequest(double Longitude, double Latitude, string? Address, int? Version) : IMoveRequest;

    public static void Map(RouteGroupBuilder cases)
    {
        var dispatch = Permissions.Cases.Dispatch;
        var handle = Permissions.Cases.Handle;

        // One route per move: its permission (null: any signed-in caller, the aggregate decides), what OpenAPI says of it.
        // No body is an empty one: a move that needs nothing (accept, sign-for) is made, one that needs a field says which.
        void Move<T>(string action, string? permission, string summary, Func<T, CaseMove> move) where T : class, IMoveRequest
        {
            var route = cases.MapPost($"/{{id:guid}}/{action}", (Guid id, T? r, MoveCase m, CancellationToken ct) =>
                {
                    r ??= JsonSerializer.Deserialize<T>("{}", JsonSerializerOptions.Web)!;
                    return m.RunAsync(id, r.Version, move(r), ct);
                })
                .WithSummary(summary)
                .WithDescription("Answers the case after the move. 403: the role lacks the permission; 404: no such case in your scope; "
                    + "409: the move is not allowed now (stable code, e.g. case.illegal_transition) or the version is stale (concurrency.stale); "
                    + "422: the body is incomplete (e.g. case.reason_required).")
                .ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status409Conflict)
                .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
            if (permission is null) route.RequireAuthorization();
            else route.RequireAuthorization(permission);
        }

        Move<CommentRequest>("accept", dispatch, "受理 Accept a reported case", r => CaseMoves.Accept(r.Comment));
        Move<CommentRequest>("reject", dispatch, "不予受理 Reject a reported case, with a reason", r => CaseMoves.Reject(r.Comment));
        Move<DispatchRequest>("dispatch", dispatch, "派遣 Dispatch to a lead unit and cooperating units", r => CaseMoves.Dispatch(r.LeadUnitId, r.CooperatingUnitIds, r.Comment));
        Move<DispatchRequest>("whistle", Permissions.Cases.Whistle, "吹哨 Summon a lead unit and cooperating units, each to report in within the response limit",
            r => CaseMoves.Dispatch(r.LeadUnitId, r.CooperatingUnitIds, r.Comment, whistle: true));
        Move<CommentRequest>("escalate", dispatch, "上提一级 Escalate one level up", r => CaseMoves.Escalate(r.Comment));
        Move<RelocateRequest>("relocate", dispatch, "更正位置 Correct the location, and with it the grid, community and street",
            r => CaseMoves.Relocate(r.Longitude, r.Latitude, r.Address));

        Move<CommentRequest>("sign-for", handle, "签收/报到 Sign for the case as an assigned unit", _ => CaseMoves.SignFor());
        Move<CommentRequest>("start", handle, "开始处置 Start handling", r => CaseMoves.Start(r.Comment));
        Move<CommentRequest>("handled", handle, "办结反馈 Report it handled, with photos", r => CaseMoves.ReportHandled(r.Comment, r.PhotoIds));
        Move<CommentRequest>("return", handle, "退单 Return it to the dispatcher, with a reason", r => CaseMoves.Return(r.Comment));
        Move<ExtensionRequest>("extension", handle, "申请延期 Ask for more working days", r => CaseMoves.AskExtension(r.Days, r.Reason));
        Move<DecisionRequest>("extension/decision", dispatch, "延期审批 Grant or refuse the pending extension", r => r.Grant is { } grant ? CaseMoves.DecideExtension(grant, r.Comment) : CaseMoves.Refuse(CaseErrors.DecisionRequired));

        Move<VerifyRequest>("verify", Permissions.Cases.Verify, "核查 Verify the result on site: passed, or back to the unit", r => r.Passed is { } passed ? CaseMoves.Verify(passed, r.Comment, r.PhotoIds) : CaseMoves.Refuse(CaseErrors.VerifyResultRequired));
        Move<CloseRequest>("close", dispatch, "结案 Close the case", r => r.Solved is { } solved ? CaseMoves.Close(solved, r.Comment) : CaseMoves.Refuse(CaseErrors.SolvedRequired));
        Move<RateRequest>("rate", null, "评价 Rate the result (the reporter, or staff on a return visit)", r => r.Rating is { } rating ? CaseMoves.Rate(rating, r.Comment) : CaseMoves.Refuse(CaseErrors.RatingRequired));
        Move<CommentRequest>("reopen", dispatch, "重办 Reopen after a dissatisfied rating", r => CaseMoves.Reopen(r.Comment));
        Move<CommentRequest>("supervise", Permissions.Cases.Supervise, "督办 Flag for supervision and send the units a notice", r => CaseMoves.Supervise(r.Comment));
        Move<MergeRequest>("merge", dispatch, "并单 Merge this duplicate into an open case", r => CaseMoves.Merge(r.IntoCaseId));
    }
}
