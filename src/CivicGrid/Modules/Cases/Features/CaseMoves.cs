using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;
using P = CivicGrid.Modules.Identity.Domain.Permissions.Cases;

namespace CivicGrid.Modules.Cases.Features;

/// <summary>One transition as <see cref="MoveCase"/> runs it: the permission it needs and the step that asks the aggregate.</summary>
public sealed record CaseMove(string? Permission, Func<MoveCase.Step, CancellationToken, Task<Error?>> Apply);

/// <summary>
/// Every transition of the loop (DOMAIN.md §3) as a <see cref="CaseMove"/>: the REST routes (<see cref="CaseRoutes"/>) and
/// the console pages run the same ones through <see cref="MoveCase"/>, so what each move loads and asks lives here once.
/// </summary>
public static class CaseMoves
{
    public static CaseMove Accept(string? comment) => Sync(P.Dispatch, s => s.Case.Accept(s.Actor, comment, s.Now));
    public static CaseMove Reject(string? reason) => Sync(P.Dispatch, s => s.Case.Reject(s.Actor, reason, s.Now));
    public static CaseMove Escalate(string? reason) => Sync(P.Dispatch, s => s.Case.Escalate(s.Actor, reason, s.Now));
    public static CaseMove Close(bool solved, string? comment) => Sync(P.Dispatch, s => s.Case.Close(s.Actor, solved, comment, s.Now));
    public static CaseMove Supervise(string? notice) => Sync(P.Supervise, s => s.Case.Supervise(s.Actor, notice, s.Now));

    public static CaseMove DecideExtension(bool grant, string? comment) =>
        Sync(P.Dispatch, s => s.Case.DecideExtension(s.Actor, grant, comment, s.Calendar, s.Now));

    public static CaseMove Reopen(string? reason) =>
        new(P.Dispatch, async (s, ct) => s.Case.Reopen(s.Actor, reason, await s.ItemAsync(ct), s.Calendar, s.Now));

    /// <summary>派遣 (or 吹哨 when <paramref name="whistle"/>) to units of the case's district; the first is the lead.</summary>
    public static CaseMove Dispatch(Guid leadUnitId, IReadOnlyList<Guid>? cooperatingUnitIds, string? comment, bool whistle = false) =>
        new(whistle ? P.Whistle : P.Dispatch, async (s, ct) =>
        {
            var units = await s.UnitsAsync([leadUnitId, .. cooperatingUnitIds ?? []], ct);
            if (units.IsError) return units.Error;
            return s.Case.Dispatch(s.Actor, units.Value[0], units.Value[1..], whistle, await s.ItemAsync(ct), s.Calendar, comment, s.Now);
        });

    /// <summary>Moves the case to the grid the new point lies in; the grid's name stands in for a missing address.</summary>
    public static CaseMove Relocate(double longitude, double latitude, string? address) =>
        Sync(P.Dispatch, s => s.Grids.Locate(longitude, latitude) is { } grid
            ? s.Case.Relocate(s.Actor, grid.Code, longitude, latitude, string.IsNullOrWhiteSpace(address) ? grid.Name : address.Trim(), s.Now)
            : CaseErrors.OutsideGrids);

    /// <summary>并单 into a case the caller can see, named by id.</summary>
    public static CaseMove Merge(Guid intoCaseId) => MergeWhere(c => c.Id == intoCaseId);

    /// <summary>并单 into a case the caller can see, named by its number (as people read it off the list).</summary>
    public static CaseMove Merge(string intoNumber) => MergeWhere(c => c.Number == intoNumber.Trim());

    static CaseMove MergeWhere(System.Linq.Expressions.Expression<Func<Case, bool>> target) =>
        new(P.Dispatch, async (s, ct) =>
        {
            var into = await s.Db.Cases.Include(c => c.Assignments).SingleOrDefaultAsync(target, ct);
            return into is null ? CaseErrors.NotFound : s.Case.MergeInto(into, s.Actor, s.Now);
        });

    public static CaseMove SignFor() => Sync(P.Handle, s => s.Case.SignFor(s.Actor, s.Now));
    public static CaseMove Start(string? comment) => Sync(P.Handle, s => s.Case.StartHandling(s.Actor, comment, s.Now));
    public static CaseMove Return(string? reason) => Sync(P.Handle, s => s.Case.Return(s.Actor, reason, s.Now));
    public static CaseMove AskExtension(int days, string? reason) => Sync(P.Handle, s => s.Case.RequestExtension(s.Actor, days, reason, s.Now));

    /// <summary>办结反馈 with "after" photos uploaded beforehand by the same caller.</summary>
    public static CaseMove ReportHandled(string? comment, Guid[]? photoIds) =>
        new(P.Handle, async (s, ct) =>
        {
            var photos = await s.PhotosAsync(photoIds, ct);
            return photos.IsError ? photos.Error : s.Case.ReportHandled(s.Actor, comment, photos.Value, s.Calendar, s.Now);
        });

    public static CaseMove Verify(bool passed, string? comment, Guid[]? photoIds) =>
        new(P.Verify, async (s, ct) =>
        {
            var photos = await s.PhotosAsync(photoIds, ct);
            return photos.IsError ? photos.Error : s.Case.Verify(s.Actor, passed, comment, photos.Value, s.Now);
        });

    /// <summary>
    /// 评价: by the reporter, or by staff on a return visit (回访) for cases no resident reported. A resident's report
    /// rated (basically) satisfied is a valid report (有效上报) and raises a points event for them (DOMAIN.md §5).
    /// </summary>
    public static CaseMove Rate(Satisfaction rating, string? comment) =>
        new(null, async (s, ct) =>
        {
            if (s.Case.Rate(s.Actor, rating, comment, s.User.Can(P.Dispatch), s.Now) is { } error) return error;
            if (rating != Satisfaction.Dissatisfied && s.Case.RatedByReporter)
                await PointsEvents.RaiseAsync(s.Db, PointsEventKinds.CaseSatisfied, s.Case.Id, s.Case.ReporterAccountId!.Value,
                    s.Case.AreaCode[..Math.Min(12, s.Case.AreaCode.Length)], 1, s.Case.Number, s.Now, ct);
            return null;
        });

    /// <summary>A request that cannot become a move (a field it needs is missing): refused once the case is found in scope.</summary>
    public static CaseMove Refuse(Error error) => new(null, (_, _) => Task.FromResult<Error?>(error));

    static CaseMove Sync(string? permission, Func<MoveCase.Step, Error?> step) => new(permission, (s, _) => Task.FromResult(step(s)));

    /// <summary>
    /// The moves worth offering <paramref name="user"/> on <paramref name="c"/> now: the console's buttons. It follows the
    /// aggregate's checks of permission, state, level and unit, but the aggregate still decides when the move is made.
    /// </summary>
    public static IReadOnlySet<CaseAction> OpenTo(Case c, CurrentUser user)
    {
        var open = new HashSet<CaseAction>();
        var actor = user.AsActor();
        var atLevel = actor.WorksAt(c.Level, c.AreaCode);
        if (user.Can(P.Dispatch) && atLevel)
        {
            if (c.Status == CaseStatus.Reported) open.UnionWith([CaseAction.Accept, CaseAction.Reject]);
            if (c.Status is CaseStatus.Reported or CaseStatus.Accepted)
            {
                open.UnionWith([CaseAction.Relocate, CaseAction.MergeInto]);
                if (c.Level != CaseLevel.District) open.Add(CaseAction.Escalate);
            }
            if (c.Status == CaseStatus.Accepted)
            {
                open.Add(CaseAction.Dispatch);
                if (user.Can(P.Whistle) && c.Level != CaseLevel.Community) open.Add(CaseAction.Whistle);
            }
            if (c.PendingExtensionDays is not null && CaseStatuses.WithHandlers.Contains(c.Status)) open.Add(CaseAction.GrantExtension);
            if (c.Status == CaseStatus.Verified) open.Add(CaseAction.Close);
            if (c.Status == CaseStatus.Rated && c.Rating == Satisfaction.Dissatisfied && c.Lead is not null) open.Add(CaseAction.Reopen);
        }
        if (c.Status == CaseStatus.Closed
            && (c.RatedByReporter ? c.ReporterAccountId == user.Id : user.Can(P.Dispatch) && actor.Covers(c.AreaCode)))
            open.Add(CaseAction.Rate);
        if (user.Can(P.Supervise) && c.Status.IsOpen()) open.Add(CaseAction.SendSupervisionNotice);
        if (user.Can(P.Verify) && c.Status == CaseStatus.Handled && actor.Covers(c.AreaCode)) open.Add(CaseAction.Verify);
        if (user.Can(P.Handle) && CaseStatuses.WithHandlers.Contains(c.Status))
        {
            var mine = c.ActiveAssignments.Where(a => actor.ActsFor(a.UnitId)).ToList();
            if (mine.Any(a => a.SignedAt is null)) open.Add(CaseAction.SignFor);
            if (mine.Count > 0) open.Add(CaseAction.Return);
            if (c.Lead is { } lead && actor.ActsFor(lead.UnitId))
            {
                if (c.Status == CaseStatus.SignedFor) open.Add(CaseAction.StartHandling);
                if (c.Status == CaseStatus.Handling) open.Add(CaseAction.ReportHandled);
                if (c.Status is CaseStatus.SignedFor or CaseStatus.Handling && c.PendingExtensionDays is null) open.Add(CaseAction.RequestExtension);
            }
        }
        return open;
    }
}
