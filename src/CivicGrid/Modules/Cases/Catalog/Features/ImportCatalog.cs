using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Cases.Catalog.Features;

/// <summary>
/// POST /api/catalog/import (multipart, field "file"): an .xlsx in the export's shape, upserted by item code, all or
/// nothing. Any bad row refuses the whole file with <c>catalog.import_invalid</c> and an <c>errors</c> list (row,
/// column, item code, error code, message), and nothing is written. Categories are created or renamed from their
/// columns; items missing from the file are left as they are (nothing is ever deleted); 状态 retires or restores.
/// </summary>
public static class ImportCatalog
{
    public sealed record RowError(int Row, string Column, string? ItemCode, string Code, string Message);
    public sealed record Response(int Created, int Updated, int Unchanged, int CategoriesCreated, int CategoriesRenamed);

    /// <summary>What an import came to: the counts, or the refusal and (for bad rows) every row's problems.</summary>
    public sealed record Outcome(Response? Done, Error? Error, IReadOnlyList<RowError> Errors)
    {
        public ProblemHttpResult ToProblem() =>
            Error!.ToProblem(Errors.Count > 0 ? new Dictionary<string, object?> { ["errors"] = Errors } : null);
    }

    public static void Map(RouteGroupBuilder catalog) =>
        catalog.MapPost("/import", Handle).RequireAuthorization(Permissions.Catalog.Manage)
            // API clients send a bearer token; the sign-in cookie is SameSite=Lax, so another site cannot post a form with it.
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(CatalogErrors.MaxFileBytes + 64 * 1024))
            .Accepts<IFormFile>("multipart/form-data");

    static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(IFormFile? file, CivicGridDbContext db, CancellationToken ct)
    {
        if (file is null) return CatalogErrors.FileInvalid.ToProblem();
        await using var stream = file.OpenReadStream();
        var outcome = await Run(stream, file.FileName, file.Length, db, ct);
        return outcome.Done is { } done ? TypedResults.Ok(done) : outcome.ToProblem();
    }

    /// <summary>The endpoint and the console's catalog page both come here.</summary>
    internal static async Task<Outcome> Run(Stream file, string fileName, long length, CivicGridDbContext db, CancellationToken ct)
    {
        static Outcome Refuse(Error error, IReadOnlyList<RowError>? rows = null) => new(null, error, rows ?? []);
        if (length == 0 || !fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) return Refuse(CatalogErrors.FileInvalid);
        if (length > CatalogErrors.MaxFileBytes) return Refuse(CatalogErrors.FileTooLarge);
        var bytes = new byte[length];
        await file.ReadExactlyAsync(bytes, ct);
        if (CatalogSheet.Check(bytes) is { } invalid) return Refuse(invalid);
        var rows = CatalogSheet.Read(new MemoryStream(bytes)).Take(CatalogErrors.MaxRows + 1).ToList();
        if (rows.Count > CatalogErrors.MaxRows) return Refuse(CatalogErrors.TooManyRows);

        var (proposals, errors) = Propose(rows);
        if (errors.Count > 0) return Refuse(CatalogErrors.ImportInvalid(errors.Select(e => e.Row).Distinct().Count()), errors);

        var categories = await db.CatalogCategories.ToDictionaryAsync(c => c.Code, ct);
        var items = await db.CatalogItems.ToDictionaryAsync(i => i.Code, ct);
        int created = 0, updated = 0, unchanged = 0, categoriesCreated = 0, categoriesRenamed = 0;
        var order = categories.Values.Select(c => c.Order).DefaultIfEmpty(0).Max();
        foreach (var (code, name) in proposals.Select(p => (p.Spec.CategoryCode, p.CategoryName)).Distinct())
        {
            if (!categories.TryGetValue(code, out var category))
            {
                db.CatalogCategories.Add(categories[code] = new CatalogCategory { Code = code, Name = name, Order = ++order });
                categoriesCreated++;
            }
            else if (category.Name != name) { category.Name = name; categoriesRenamed++; }
        }
        foreach (var (spec, _, retired) in proposals)
        {
            if (!items.TryGetValue(spec.Code, out var item)) { db.CatalogItems.Add(spec.ToItem(retired)); created++; continue; }
            var changed = spec.ApplyTo(item);
            if (item.Retired != retired) (item.Retired, changed) = (retired, true);
            if (changed) updated++; else unchanged++;
        }
        try { await db.SaveChangesAsync(ct); }
        // Someone added the same code meanwhile (an edit meanwhile is a concurrency exception, answered 409 the same way).
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException) { return Refuse(Error.StaleWrite); }
        return new(new Response(created, updated, unchanged, categoriesCreated, categoriesRenamed), null, []);
    }

    sealed record Proposal(ItemSpec Spec, string CategoryName, bool Retired);

    /// <summary>Every row checked on its own and against the rows before it; the proposals count only when there is no error.</summary>
    static (List<Proposal> Proposals, List<RowError> Errors) Propose(IReadOnlyList<SheetRow> rows)
    {
        var proposals = new List<Proposal>();
        var errors = new List<RowError>();
        var categoryNames = new Dictionary<string, string>();
        var codes = new HashSet<string>();
        foreach (var row in rows)
        {
            var itemCode = CatalogSheet.PadCode(row[CatalogSheet.Code], 4);
            var before = errors.Count;
            void Fail(string column, Error error) => errors.Add(new(row.Number, column, itemCode, error.Code, error.Message));

            var categoryCode = CatalogSheet.PadCode(row[CatalogSheet.CategoryCode], 2);
            var categoryName = row[CatalogSheet.CategoryName];
            if (!ItemSpec.IsCategoryCode(categoryCode)) Fail(CatalogSheet.CategoryCode, CatalogErrors.CategoryCodeInvalid);
            if (ItemSpec.CheckName(categoryName, ItemSpec.MaxCategoryName) is { } nameError) Fail(CatalogSheet.CategoryName, nameError);
            else if (categoryCode is not null && categoryNames.TryGetValue(categoryCode, out var earlier) && earlier != categoryName)
                Fail(CatalogSheet.CategoryName, CatalogErrors.CategoryNameConflict);
            else if (categoryCode is not null) categoryNames[categoryCode] = categoryName!;

            var onTheSpot = Flag(row[CatalogSheet.OnTheSpot], CatalogSheet.Yes, CatalogSheet.No, CatalogErrors.FlagInvalid, out var flagError);
            if (flagError is not null) Fail(CatalogSheet.OnTheSpot, flagError);
            var retired = Flag(row[CatalogSheet.Status], CatalogSheet.Retired, CatalogSheet.Active, CatalogErrors.StatusInvalid, out var statusError);
            if (statusError is not null) Fail(CatalogSheet.Status, statusError);

            var (spec, specErrors) = ItemSpec.Read(itemCode, row[CatalogSheet.Name], row[CatalogSheet.LeadDuty],
                CatalogSheet.Duties(row[CatalogSheet.CooperatingDuties]), onTheSpot, row[CatalogSheet.ResponseLimit], row[CatalogSheet.HandlingLimit]);
            foreach (var e in specErrors) Fail(CatalogSheet.ColumnOf(e.Field), e.Error);
            if (spec is not null && ItemSpec.IsCategoryCode(categoryCode) && spec.CategoryCode != categoryCode)
                Fail(CatalogSheet.Code, CatalogErrors.ItemCodeInvalid with { Message = "事项编码的前2位须与大类编码一致。" });
            if (spec is not null && !codes.Add(spec.Code)) Fail(CatalogSheet.Code, CatalogErrors.CodeDuplicate);

            if (errors.Count == before) proposals.Add(new Proposal(spec!, categoryName!.Trim(), retired));
        }
        return (proposals, errors);
    }

    /// <summary>Reads a two-valued column: empty is the second (usual) value.</summary>
    static bool Flag(string? text, string yes, string no, Error invalid, out Error? error)
    {
        error = null;
        if (text is null || text == no) return false;
        if (text == yes) return true;
        error = invalid;
        return false;
    }
}
