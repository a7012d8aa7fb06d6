using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Points.Features;

/// <summary>Community staff search the ledger (积分台账) of their area: accounts with balances, entries by holder, kind
/// or source. Scope does the limiting; a holder outside it is a 404.</summary>
public static class BrowseLedger
{
    public sealed record Filter(string? Area = null, Guid? AccountId = null, PointsEntryKind? Kind = null, string? Q = null,
        int? Page = null, int? PageSize = null);

    public static void Map(RouteGroupBuilder points)
    {
        points.MapGet("/ledger", async ([AsParameters] Filter filter, CivicGridDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await EntriesAsync(db, filter, ct))).RequireAuthorization(Permissions.Points.Manage);
        points.MapGet("/accounts", async (string? area, string? q, int? page, int? pageSize, CivicGridDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await AccountsAsync(db, area, q, Paging.Of(page, pageSize), ct))).RequireAuthorization(Permissions.Points.Manage);
        points.MapGet("/accounts/{id:guid}", async Task<Results<Ok<PointsViews.Account>, NotFound>> (Guid id, CivicGridDbContext db, CancellationToken ct) =>
            await AccountAsync(db, id, ct) is { } a ? TypedResults.Ok(a) : TypedResults.NotFound()).RequireAuthorization(Permissions.Points.Manage);
    }

    public static async Task<Paged<PointsViews.Entry>> EntriesAsync(CivicGridDbContext db, Filter filter, CancellationToken ct)
    {
        var query = db.PointsEntries.AsQueryable();
        if (!string.IsNullOrEmpty(filter.Area)) query = query.Where(e => e.AreaCode.StartsWith(filter.Area));
        if (filter.AccountId is { } account) query = query.Where(e => e.AccountId == account);
        if (filter.Kind is { } kind) query = query.Where(e => e.Kind == kind);
        if (!string.IsNullOrWhiteSpace(filter.Q)) query = query.Where(e => e.Title.Contains(filter.Q));
        var paging = Paging.Of(filter.Page, filter.PageSize);
        var total = await query.CountAsync(ct);
        // A reversal carries its original's account and community, so it is visible wherever the original is.
        var rows = await PointsViews.Entries(query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Skip(paging.Skip).Take(paging.Size),
            db.PointsEntries).ToListAsync(ct);
        return new Paged<PointsViews.Entry>(total, paging.Page, paging.Size, rows);
    }

    public static async Task<Paged<PointsViews.Account>> AccountsAsync(CivicGridDbContext db, string? area, string? q, Paging paging, CancellationToken ct)
    {
        var query = db.PointsAccounts.AsQueryable();
        if (!string.IsNullOrEmpty(area)) query = query.Where(a => a.AreaCode.StartsWith(area));
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(a => a.DisplayName.Contains(q));
        var total = await query.CountAsync(ct);
        var rows = await ViewsAsync(query.OrderByDescending(a => a.Balance).ThenBy(a => a.Id).Skip(paging.Skip).Take(paging.Size), db, ct);
        return new Paged<PointsViews.Account>(total, paging.Page, paging.Size, rows);
    }

    public static async Task<PointsViews.Account?> AccountAsync(CivicGridDbContext db, Guid id, CancellationToken ct) =>
        (await ViewsAsync(db.PointsAccounts.Where(a => a.Id == id), db, ct)).SingleOrDefault();

    /// <summary>Totals over the whole account (every community): the balance is the account's, not an area's. A second
    /// query, because IgnoreQueryFilters inside the first would lift the scope of the accounts too.</summary>
    static async Task<List<PointsViews.Account>> ViewsAsync(IQueryable<PointsAccount> accounts, CivicGridDbContext db, CancellationToken ct)
    {
        var rows = await accounts.AsNoTracking().ToListAsync(ct);
        var ids = rows.Select(a => a.Id).ToList();
        var entries = db.PointsEntries.IgnoreQueryFilters().Where(e => ids.Contains(e.AccountId));
        var earned = await entries.Where(PointsEntry.IsEarning).GroupBy(e => e.AccountId)
            .Select(g => new { g.Key, Sum = g.Sum(e => e.Amount) }).ToDictionaryAsync(x => x.Key, x => x.Sum, ct);
        var spent = await entries.Where(e => e.Kind == PointsEntryKind.Spend).GroupBy(e => e.AccountId)
            .Select(g => new { g.Key, Sum = g.Sum(e => e.Amount) }).ToDictionaryAsync(x => x.Key, x => x.Sum, ct);
        return rows.Select(a => new PointsViews.Account(a.Id, a.DisplayName, a.AreaCode, a.Balance,
            earned.GetValueOrDefault(a.Id), -spent.GetValueOrDefault(a.Id))).ToList();
    }
}
