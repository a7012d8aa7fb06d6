using CivicGrid.Modules.Calendar.Domain;
using CivicGrid.Modules.Calendar.Loading;
using CivicGrid.Modules.Cases.Catalog;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Modules.People.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Cases.Features;

/// <summary>
/// Runs one transition: loads the case the caller can see (else 404), refuses a stale <c>version</c> (409), lets the
/// aggregate check and move it, saves once, answers with the case. Each route of <see cref="CaseRoutes"/> is one line
/// over this.
/// </summary>
public sealed class MoveCase(CivicGridDbContext db, CurrentUser user, TimeProvider clock, CurrentCalendar calendar)
{
    CivicGridDbContext Db => db;
    CurrentUser User => user;
    DateTimeOffset Now => clock.GetUtcNow();
    WorkingCalendar Calendar => calendar.Calendar;

    public sealed class Step(MoveCase move, Case @case)
    {
        public Case Case => @case;
        public Actor Actor { get; } = move.User.AsActor();
        public CurrentUser User => move.User;
        public DateTimeOffset Now { get; } = move.Now;
        public WorkingCalendar Calendar => move.Calendar;
        public CivicGridDbContext Db => move.Db;

        public async Task<CatalogItem> ItemAsync(CancellationToken ct) =>
            await move.Db.CatalogItems.AsNoTracking().SingleAsync(i => i.Code == @case.ItemCode, ct);

        public Task<Result<IReadOnlyList<StoredFile>>> PhotosAsync(Guid[]? ids, CancellationToken ct) =>
            CaseUploads.TakeAsync(move.Db, move.User, ids, Now, ct);

        /// <summary>Units of the case's district, whatever the dispatcher's own scope: dispatching reaches departments at district level.</summary>
        public async Task<Result<List<UnitRef>>> UnitsAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
        {
            var district = @case.DistrictCode;
            var found = await move.Db.Organisations.IgnoreQueryFilters([DataScope.FilterName]).AsNoTracking()
                .Where(o => ids.Contains(o.Id) && o.AreaCode.StartsWith(district))
                .Select(o => new UnitRef(o.Id, o.Name)).ToListAsync(ct);
            if (found.Count != ids.Distinct().Count()) return CaseErrors.UnitUnknown;
            return ids.Select(id => found.Single(u => u.Id == id)).ToList();
        }
    }

    public async Task<Results<Ok<CaseViews.Detail>, NotFound, ProblemHttpResult>> RunAsync(
        Guid id, int? version, Func<Step, Task<Error?>> transition, CancellationToken ct)
    {
        var @case = await db.Cases.Include(c => c.Assignments).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null) return TypedResults.NotFound();
        if (version is { } v && v != @case.Version) return Error.StaleWrite.ToProblem();
        if (await transition(new Step(this, @case)) is { } error) return error.ToProblem();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await CaseViews.DetailAsync(db, id, ct))!);
    }

    public Task<Results<Ok<CaseViews.Detail>, NotFound, ProblemHttpResult>> RunAsync(
        Guid id, int? version, Func<Step, Error?> transition, CancellationToken ct) =>
        RunAsync(id, version, s => Task.FromResult(transition(s)), ct);
}
