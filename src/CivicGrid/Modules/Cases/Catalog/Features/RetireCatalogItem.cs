using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Cases.Catalog.Features;

/// <summary>
/// POST /api/catalog/items/{code}/retire (停用): no new case may use the item; cases that have it keep it, so an item is
/// never deleted. POST …/restore (启用) undoes it. Both take the version last read.
/// </summary>
public static class RetireCatalogItem
{
    public sealed record Request(int Version);

    public static void Map(RouteGroupBuilder catalog)
    {
        catalog.MapPost("/items/{code}/retire", Retire).RequireAuthorization(Permissions.Catalog.Manage);
        catalog.MapPost("/items/{code}/restore", Restore).RequireAuthorization(Permissions.Catalog.Manage);
    }

    internal static Task<Results<NoContent, NotFound, ProblemHttpResult>> Retire(string code, Request request, CivicGridDbContext db, CancellationToken ct) =>
        SetRetired(code, request.Version, retired: true, db, ct);

    internal static Task<Results<NoContent, NotFound, ProblemHttpResult>> Restore(string code, Request request, CivicGridDbContext db, CancellationToken ct) =>
        SetRetired(code, request.Version, retired: false, db, ct);

    static async Task<Results<NoContent, NotFound, ProblemHttpResult>> SetRetired(string code, int version, bool retired,
        CivicGridDbContext db, CancellationToken ct)
    {
        var item = await db.CatalogItems.SingleOrDefaultAsync(i => i.Code == code, ct);
        if (item is null) return TypedResults.NotFound();
        if (item.Version != version) return Error.StaleWrite.ToProblem();
        if (item.Retired == retired) return (retired ? CatalogErrors.ItemRetired : CatalogErrors.ItemActive).ToProblem();
        item.Retired = retired;
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
