using CivicGrid.Modules.Areas.Domain;
using CivicGrid.Modules.Areas.Locating;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Areas.Features;

/// <summary>Create, rename and retire areas. Areas are never hard-deleted: a retired area keeps its history.</summary>
public static class ChangeAreas
{
    public sealed record CreateRequest(string Code, string Name, string[]? Responsibilities);
    public sealed record RenameRequest(string Name, int Version);
    public sealed record RetireRequest(int Version);

    public static void Map(RouteGroupBuilder areas)
    {
        areas.MapPost("/", Create).RequireAuthorization(Permissions.Areas.Manage);
        areas.MapPut("/{code:length(12,15)}/name", Rename).RequireAuthorization(Permissions.Areas.Manage);
        areas.MapPost("/{code:length(12,15)}/retire", Retire).RequireAuthorization(Permissions.Areas.Manage);
    }

    internal static async Task<Results<Created<BrowseAreas.Node>, ProblemHttpResult>> Create(CreateRequest request, CivicGridDbContext db, CancellationToken ct)
    {
        if (!AreaCode.TryParse(request.Code, out var code)) return AreaErrors.InvalidCode.ToProblem();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name)) return AreaErrors.NameRequired.ToProblem();
        if (code.Parent is not { } parentCode) return AreaErrors.InvalidCode.ToProblem(); // cities are provisioned by admins at setup
        // The parent must be visible to the caller (scope) and active.
        var parent = await db.Areas.SingleOrDefaultAsync(a => a.AreaCode == parentCode.Value && a.RetiredAt == null, ct);
        if (parent is null) return AreaErrors.ParentMissing.ToProblem();
        if (await db.Areas.IgnoreQueryFilters([DataScope.FilterName]).AnyAsync(a => a.AreaCode == code.Value, ct))
            return AreaErrors.DuplicateCode.ToProblem();
        var area = new Area
        {
            Id = Guid.NewGuid(), AreaCode = code.Value, Name = name, Level = code.Level, ParentCode = parent.AreaCode,
            Responsibilities = request.Responsibilities?.ToList() ?? [],
        };
        db.Areas.Add(area);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/areas/{area.AreaCode}", (await BrowseAreas.WithCounts(db, [area], ct))[0]);
    }

    internal static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Rename(string code, RenameRequest request, CivicGridDbContext db, GridLocator locator, CancellationToken ct)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name)) return AreaErrors.NameRequired.ToProblem();
        var area = await db.Areas.SingleOrDefaultAsync(a => a.AreaCode == code, ct);
        if (area is null) return TypedResults.NotFound();
        if (area.Version != request.Version) return Error.StaleWrite.ToProblem();
        area.Name = name;
        await db.SaveChangesAsync(ct);
        if (area.Level == AreaLevel.Grid) await locator.RefreshAsync(force: true, ct);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Retire(string code, RetireRequest request, CivicGridDbContext db, GridLocator locator, TimeProvider clock, CancellationToken ct)
    {
        var area = await db.Areas.SingleOrDefaultAsync(a => a.AreaCode == code, ct);
        if (area is null) return TypedResults.NotFound();
        if (area.Version != request.Version) return Error.StaleWrite.ToProblem();
        if (area.IsRetired) return AreaErrors.AlreadyRetired.ToProblem();
        if (await db.Areas.IgnoreQueryFilters([DataScope.FilterName]).AnyAsync(a => a.ParentCode == code && a.RetiredAt == null, ct))
            return AreaErrors.HasActiveChildren.ToProblem();
        area.RetiredAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        if (area.Level == AreaLevel.Grid) await locator.RefreshAsync(force: true, ct);
        return TypedResults.NoContent();
    }
}
