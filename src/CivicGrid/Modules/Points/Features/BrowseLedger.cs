using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Points.Features;

/// <summary>Community staff search the ledger (积分台账) of their area: accounts with balances, entries by holder, kind
/// or source, and the same entries as an Excel download. Scope does the limiting; a holder outside it is a 404.</summary>
public static class BrowseLedger
{
    public sealed record Filter(string? Area = null, Guid? AccountId = null, PointsEntryKind? Kind = null, string? Q = null,
        int? Page = null, int? PageSize = null);

    public static void Map(RouteGroupBuilder points)
    {
        points.MapGet("/ledger", async Task<Results<Ok<Paged<PointsViews.Entry>>, NotFound>> ([AsParameters] Filter filter, CivicGridDbContext db,
                CurrentUser user, CancellationToken ct) =>
            OutOfSight(user, filter.Area) ? TypedResults.NotFound() : TypedResults.Ok(await EntriesAsync(db, filter, ct)))
            .RequireAuthorization(Permissions.Points.Manage);
        points.MapGet("/ledger/excel", ExportAsync).RequireAuthorization(Permissions.Points.Manage);
        points.MapGet("/accounts", async Task<Results<Ok<Paged<PointsViews.Account>>, NotFound>> (string? area, string? q, int? page, int? pageSize,
                CivicGridDbContext db, CurrentUser user, CancellationToken ct) =>
            OutOfSight(user, area) ? TypedResults.NotFound() : TypedResults.Ok(await AccountsAsync(db, area, q, Paging.Of(page, pageSize), ct)))
            .RequireAuthorization(Permissions.Points.Manage);
        points.MapGet("/accounts/{id:guid}", async Task<Results<Ok<PointsViews.Account>, NotFound>> (Guid id, CivicGridDbContext db, CancellationToken ct) =>
            await AccountAsync(db, id, ct) is { } a ? TypedResults.Ok(a) : TypedResults.NotFound()).RequireAuthorization(Permissions.Points.Manage);
    }

    /// <summary>An area named that is not the caller's: a 404, as the figures and the leaderboards answer, not an empty list.</summary>
    static bool OutOfSight(CurrentUser user, string? area) => !string.IsNullOrEmpty(area) && !user.Scope.Covers(area);

    /// <summary>The entries of the scope matching the filter, newest first; the list and the export share it.</summary>
    static IQueryable<PointsEntry> Query(CivicGridDbContext db, Filter filter)
    {
        var query = db.PointsEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(filter.Area)) query = query.Where(e => e.AreaCode.StartsWith(filter.Area));
        if (filter.AccountId is { } account) query = query.Where(e => e.AccountId == account);
        if (filter.Kind is { } kind) query = query.Where(e => e.Kind == kind);
        if (!string.IsNullOrWhiteSpace(filter.Q)) query = query.Where(e => e.Title.Contains(filter.Q));
        return query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id);
    }

    public static async Task<Paged<PointsViews.Entry>> EntriesAsync(CivicGridDbContext db, Filter filter, CancellationToken ct)
    {
        var query = Query(db, filter);
        var paging = Paging.Of(filter.Page, filter.PageSize);
        var total = await query.CountAsync(ct);
        // A reversal carries its original's account and community, so it is visible wherever the original is.
        var rows = await PointsViews.Entries(query.Skip(paging.Skip).Take(paging.Size), db.PointsEntries).ToListAsync(ct);
        return new Paged<PointsViews.Entry>(total, paging.Page, paging.Size, rows);
    }

    /// <summary>GET /api/points/ledger/excel — the same filter and scope as the list, every page (at most
    /// <see cref="ExcelExport.MaxRows"/> rows), with Chinese headers and the holder's name.</summary>
    static async Task<IResult> ExportAsync([AsParameters] Filter filter, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        if (OutOfSight(user, filter.Area)) return TypedResults.NotFound();
        var rows = await PointsViews.Entries(Query(db, filter).Take(ExcelExport.MaxRows), db.PointsEntries).ToListAsync(ct);
        var ids = rows.Select(e => e.AccountId).Distinct().ToList();
        // Names of the holders whose entries are already in scope (a holder living elsewhere may earn here).
        var names = await db.PointsAccounts.IgnoreQueryFilters().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName, ct);
        return await ExcelExport.FileAsync(rows.Select(e => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["时间"] = e.At.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss"), ["持有人"] = names.GetValueOrDefault(e.AccountId), ["社区代码"] = e.AreaCode,
            ["类型"] = KindName(e.Kind), ["积分"] = e.Amount, ["规则积分"] = e.Uncapped, ["截断原因"] = CutName(e.CappedBy),
            ["来源"] = e.SourceKind, ["事项"] = e.Title, ["冲正原因"] = e.Reason, ["已冲正"] = e.Reversed ? "是" : "",
            ["流水号"] = e.Id.ToString(),
        }), "积分台账", "points-ledger", clock, ct);
    }

    static string KindName(PointsEntryKind kind) => kind switch
    {
        PointsEntryKind.Earn => "获得", PointsEntryKind.Spend => "兑换", PointsEntryKind.Reversal => "冲正",
        PointsEntryKind.Expiry => "过期", PointsEntryKind.Adjustment => "更正扣减", _ => kind.ToString(),
    };

    static string? CutName(string? cappedBy) => cappedBy switch
    {
        "day" => "达每日上限", "month" => "达每月上限", "balance" => "已用部分不再扣回", _ => null,
    };

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
        var totals = await PointsTotals.ByAccountAsync(entries, ct);
        return rows.Select(a =>
        {
            var t = totals.GetValueOrDefault(a.Id);
            return new PointsViews.Account(a.Id, a.DisplayName, a.AreaCode, a.Balance, t.Earned, t.Spent, t.Expired);
        }).ToList();
    }
}
