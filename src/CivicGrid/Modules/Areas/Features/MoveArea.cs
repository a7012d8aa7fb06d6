using CivicGrid.Modules.Areas.Domain;
using CivicGrid.Modules.Areas.Locating;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Areas.Features;

/// <summary>
/// POST /api/areas/{code}/move: put a street, community or grid under another parent. A statistical code encodes its
/// parent, so the area takes a new code under the new parent, and every scoped row of the subtree (in every module)
/// is re-coded in the same transaction.
/// </summary>
public static class MoveArea
{
    public sealed record Request(string NewCode, int Version);

    public static void Map(RouteGroupBuilder areas) =>
        areas.MapPost("/{code:length(12,15)}/move", Handle).RequireAuthorization(Permissions.Areas.Manage);

    static async Task<Results<Ok<BrowseAreas.Node>, NotFound, ProblemHttpResult>> Handle(
        string code, Request request, CivicGridDbContext db, GridLocator locator, CancellationToken ct)
    {
        var area = await db.Areas.SingleOrDefaultAsync(a => a.AreaCode == code, ct);
        if (area is null) return TypedResults.NotFound();
        if (area.Version != request.Version) return Error.StaleWrite.ToProblem();
        if (area.IsRetired) return AreaErrors.AlreadyRetired.ToProblem();
        if (!AreaCode.TryParse(request.NewCode, out var newCode) || newCode.Level != area.Level || newCode.Parent is not { } newParent)
            return AreaErrors.MoveLevelMismatch.ToProblem();
        var parentOk = await db.Areas.AnyAsync(a => a.AreaCode == newParent.Value && a.RetiredAt == null, ct);
        if (!parentOk) return AreaErrors.ParentMissing.ToProblem();
        if (await db.Areas.IgnoreQueryFilters([DataScope.FilterName]).AnyAsync(a => a.AreaCode == newCode.Value, ct))
            return AreaErrors.DuplicateCode.ToProblem();

        var oldPrefix = area.Code.Prefix;
        var newPrefix = newCode.Prefix;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        area.ParentCode = newParent.Value;
        await db.SaveChangesAsync(ct); // checks the version before anything is re-coded
        await Recode(db, oldPrefix, newPrefix, ct);
        await tx.CommitAsync(ct);

        var moved = await db.Areas.AsNoTracking().SingleAsync(a => a.AreaCode == newCode.Value, ct);
        await locator.RefreshAsync(force: true, ct);
        return TypedResults.Ok((await BrowseAreas.WithCounts(db, [moved], ct))[0]);
    }

    /// <summary>Every table whose entity is <see cref="IScoped"/>: one mechanism, so a new module's rows move too.</summary>
    static async Task Recode(CivicGridDbContext db, string oldPrefix, string newPrefix, CancellationToken ct)
    {
        var cut = oldPrefix.Length + 1;
        foreach (var entity in db.Model.GetEntityTypes().Where(t => typeof(IScoped).IsAssignableFrom(t.ClrType)))
        {
            var table = entity.GetTableName()!;
            var column = entity.FindProperty(nameof(IScoped.AreaCode))!.GetColumnName();
            // Table and column names come from the EF model, never from input; the values are parameters.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync(
                $"UPDATE \"{table}\" SET \"{column}\" = {{0}} || substr(\"{column}\", {{1}}) WHERE \"{column}\" LIKE {{2}}",
                [newPrefix, cut, oldPrefix + "%"], ct);
#pragma warning restore EF1002
        }
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE \"Areas\" SET \"ParentCode\" = {0} || substr(\"ParentCode\", {1}) WHERE \"ParentCode\" LIKE {2}",
            [newPrefix, cut, oldPrefix + "%"], ct);
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE \"AccountScopes\" SET \"AreaCode\" = {0} || substr(\"AreaCode\", {1}) WHERE \"AreaCode\" LIKE {2}",
            [newPrefix, cut, oldPrefix + "%"], ct);
    }
}
