using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Cases.Catalog.Features;

/// <summary>
/// POST /api/catalog/items adds an item to an existing category; PUT /api/catalog/items/{code} changes one, given the
/// version last read. The code never changes: cases keep it. Limits are written "4h" (working hours) or "3d" (working days).
/// </summary>
public static class SaveCatalogItem
{
    public sealed record CreateRequest(string? Code, string? Name, string? LeadDuty, string[]? CooperatingDuties,
        bool OnTheSpotAllowed, string? ResponseLimit, string? HandlingLimit);

    public sealed record UpdateRequest(string? Name, string? LeadDuty, string[]? CooperatingDuties, bool OnTheSpotAllowed,
        string? ResponseLimit, string? HandlingLimit, int Version);

    /// <summary>One problem of a refused proposal; the answer's <c>errors</c> lists them all, its <c>code</c> is the first.</summary>
    public sealed record Problem(string Field, string Code, string Message);

    public static void Map(RouteGroupBuilder catalog)
    {
        catalog.MapPost("/items", Create).RequireAuthorization(Permissions.Catalog.Manage);
        catalog.MapPut("/items/{code}", Update).RequireAuthorization(Permissions.Catalog.Manage);
    }

    internal static async Task<Results<Created<BrowseCatalog.Item>, ProblemHttpResult>> Create(CreateRequest r, CivicGridDbContext db, CancellationToken ct)
    {
        var (spec, errors) = ItemSpec.Read(r.Code, r.Name, r.LeadDuty, r.CooperatingDuties, r.OnTheSpotAllowed, r.ResponseLimit, r.HandlingLimit);
        if (spec is null) return Refused(errors);
        if (!await db.CatalogCategories.AnyAsync(c => c.Code == spec.CategoryCode, ct)) return CatalogErrors.CategoryMissing.ToProblem();
        if (await db.CatalogItems.AnyAsync(i => i.Code == spec.Code, ct)) return CatalogErrors.CodeTaken.ToProblem();
        var item = spec.ToItem();
        db.CatalogItems.Add(item);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return CatalogErrors.CodeTaken.ToProblem(); } // another admin added the same code first
        return TypedResults.Created($"/api/catalog/items/{item.Code}", BrowseCatalog.Item.From(item));
    }

    internal static async Task<Results<Ok<BrowseCatalog.Item>, NotFound, ProblemHttpResult>> Update(string code, UpdateRequest r,
        CivicGridDbContext db, CancellationToken ct)
    {
        var item = await db.CatalogItems.SingleOrDefaultAsync(i => i.Code == code, ct);
        if (item is null) return TypedResults.NotFound();
        if (item.Version != r.Version) return Error.StaleWrite.ToProblem();
        var (spec, errors) = ItemSpec.Read(code, r.Name, r.LeadDuty, r.CooperatingDuties, r.OnTheSpotAllowed, r.ResponseLimit, r.HandlingLimit);
        if (spec is null) return Refused(errors);
        if (spec.ApplyTo(item)) await db.SaveChangesAsync(ct); // a stale write between read and save is a 409 (ProblemHandling)
        return TypedResults.Ok(BrowseCatalog.Item.From(item));
    }

    internal static ProblemHttpResult Refused(IReadOnlyList<FieldError> errors) => errors[0].Error.ToProblem(new Dictionary<string, object?>
    {
        ["errors"] = errors.Select(e => new Problem(JsonName(e.Field), e.Error.Code, e.Error.Message)).ToList(),
    });

    static string JsonName(ItemField field) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(field.ToString());
}
