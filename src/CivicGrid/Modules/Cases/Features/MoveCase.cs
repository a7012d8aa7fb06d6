using CivicGrid.Modules.Areas.Locating;
using CivicGrid.Modules.Calendar.Domain;
using CivicGrid.Modules.Calendar.Loading;
using CivicGrid.Modules.Cases.Catalog;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using CivicGrid.Shared.Files;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Cases.Features;

/// <summary>
/// Runs one transition (<see cref="CaseMoves"/>): checks the move's permission, loads the case the caller can see (else
/// not found), refuses a stale <c>version</c>, lets the aggregate check and move it, saves once, answers with the case.
/// The REST routes (<see cref="CaseRoutes"/>) map the outcome to HTTP; console pages build one over their own
/// short-lived context and show it.
/// </summary>
public sealed class MoveCase(CivicGridDbContext db, CurrentUser user, TimeProvider clock, CurrentCalendar calendar, GridLocator grids,
    CaseDetailParts parts, UploadLimits limits)
{
    /// <summary>The same refusal a route's permission policy answers with: a page has no policy in front of it.</summary>
    public static readonly Error NotAllowed = ProblemCodes.Forbidden;

    /// <summary>A deadline in a year whose working calendar the admin has not loaded: said, not guessed.</summary>
    public static Error YearNotLoaded(int year) =>
        Error.Validation("calendar.year_not_loaded", $"{year}年的工作日历尚未导入，无法计算办理时限。请联系系统管理员导入。");

    CivicGridDbContext Db => db;
    CaseDetailParts Parts => parts;
    CurrentUser User => user;
    DateTimeOffset Now => clock.GetUtcNow();
    WorkingCalendar Calendar => calendar.Calendar;
    GridLocator Grids => grids;
    UploadLimits Limits => limits;

    public sealed class Step(MoveCase move, Case @case)
    {
        public Case Case => @case;
        public Actor Actor { get; } = move.User.AsActor();
        public CurrentUser User => move.User;
        public DateTimeOffset Now { get; } = move.Now;
        public WorkingCalendar Calendar => move.Calendar;
        public CivicGridDbContext Db => move.Db;
        public GridLocator Grids => move.Grids;

        public async Task<CatalogItem> ItemAsync(CancellationToken ct) =>
            await move.Parts.Catalog.FindAsync(move.Db, @case.ItemCode, ct)
            ?? throw new InvalidOperationException($"Case {@case.Id} names catalog item {@case.ItemCode}, which does not exist.");

        public Task<Result<IReadOnlyList<StoredFile>>> PhotosAsync(Guid[]? ids, CancellationToken ct) =>
            CaseUploads.TakeAsync(move.Db, move.User, ids, move.Limits, Now, ct);

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

    /// <summary>The case after the move, or why not; neither means the case is missing or outside the caller's scope.</summary>
    public sealed record Outcome(CaseViews.Detail? Case, Error? Error)
    {
        public bool NotFound => Case is null && Error is null;
    }

    public async Task<Outcome> TryAsync(Guid id, int? version, CaseMove move, CancellationToken ct)
    {
        if (move.Permission is { } permission && !user.Can(permission)) return new(null, NotAllowed);
        var @case = await db.Cases.Include(c => c.Assignments).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null) return new(null, null);
        if (version is { } v && v != @case.Version) return new(null, Error.StaleWrite);
        try
        {
            if (await move.Apply(new Step(this, @case), ct) is { } error) return new(null, error);
            if (Oversized(@case) is { } tooLong) return new(null, tooLong);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException) { return new(null, Error.StaleWrite); } // someone moved it between our read and write
        catch (CalendarYearNotLoadedException e) { return new(null, YearNotLoaded(e.Year)); }
        return new(await CaseViews.DetailOfSavedAsync(db, @case, null, user, parts, ct), null);
    }

    /// <summary>What the move is about to store, held to what the columns take: a comment, a corrected address.</summary>
    static Error? Oversized(Case @case) =>
        @case.Address.Length > CaseErrors.MaxAddress ? CaseErrors.AddressTooLong
        : @case.NewTransitions.Any(t => t.Comment?.Length > CaseErrors.MaxComment) ? CaseErrors.CommentTooLong
        : null;

    public async Task<Results<Ok<CaseViews.Detail>, NotFound, ProblemHttpResult>> RunAsync(Guid id, int? version, CaseMove move, CancellationToken ct)
    {
        var outcome = await TryAsync(id, version, move, ct);
        if (outcome.Error is { } error) return error.ToProblem();
        return outcome.Case is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();
    }
}
