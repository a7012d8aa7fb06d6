using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.Volunteering.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Volunteering.Features;

/// <summary>
/// The yearly service report of an in-service member (在职党员年度服务报告), addressed to their employer unit, where it
/// counts in their annual review (DOMAIN.md §4): minutes served, activities attended, wishes fulfilled (confirmed). It
/// is visible to whoever sees the member's registration — the community, the employer unit, the member — and its lines
/// are then read by the member's account wherever they served. A unit view sums each of its members.
/// </summary>
public static class ServiceReports
{
    public sealed record WishLine(Guid WishId, string Title, DateTimeOffset ConfirmedAt);

    public sealed record MemberReport(Guid RegistrationId, string Name, string? EmployerName, string CommunityName, int Year,
        int Minutes, decimal Hours, int Activities, int WishesFulfilled, List<ActivityViews.HoursLine> Lines, List<WishLine> Wishes);

    public sealed record MemberTotal(Guid RegistrationId, string Name, string CommunityName, RegistrationStatus Status, int Minutes,
        decimal Hours, int Activities, int WishesFulfilled);

    public sealed record UnitReport(Guid UnitId, string UnitName, int Year, int Minutes, decimal Hours, List<MemberTotal> Members);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/reports/members/{id:guid}", Member).RequireAuthorization();
        group.MapGet("/reports/members/{id:guid}/excel", MemberExcel).RequireAuthorization();
        group.MapGet("/reports/units/{unitId:guid}", Unit).RequireAuthorization();
        group.MapGet("/reports/units/{unitId:guid}/excel", UnitExcel).RequireAuthorization();
    }

    static async Task<Results<Ok<MemberReport>, NotFound>> Member(Guid id, int? year, CivicGridDbContext db, TimeProvider clock, CancellationToken ct) =>
        await MemberAsync(db, id, year ?? ServiceYear.Of(clock.GetUtcNow()), ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    static async Task<IResult> MemberExcel(Guid id, int? year, CivicGridDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await MemberAsync(db, id, year ?? ServiceYear.Of(clock.GetUtcNow()), ct) is not { } r) return TypedResults.NotFound();
        var summary = new[]
        {
            Row(("项目", "致"), ("内容", r.EmployerName ?? "")), Row(("项目", "姓名"), ("内容", r.Name)),
            Row(("项目", "报到社区"), ("内容", r.CommunityName)), Row(("项目", "年度"), ("内容", r.Year)),
            Row(("项目", "服务时长（小时）"), ("内容", r.Hours)), Row(("项目", "参加活动（次）"), ("内容", r.Activities)),
            Row(("项目", "完成微心愿（个）"), ("内容", r.WishesFulfilled)),
        };
        var lines = r.Lines.Select(l => Row(("活动", l.Title), ("日期", l.StartsAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd")),
            ("时长（分钟）", l.Minutes ?? 0), ("已更正", l.Corrected ? "是" : "")));
        var wishes = r.Wishes.Select(w => Row(("微心愿", w.Title), ("确认日期", w.ConfirmedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd"))));
        return await ExcelExport.FileAsync([("服务报告", summary), ("活动明细", lines), ("微心愿", wishes)], $"service-report-{r.Year}", clock, ct);
    }

    static async Task<Results<Ok<UnitReport>, NotFound>> Unit(Guid unitId, int? year, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
        await UnitAsync(db, user, unitId, year ?? ServiceYear.Of(clock.GetUtcNow()), ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    static async Task<IResult> UnitExcel(Guid unitId, int? year, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        if (await UnitAsync(db, user, unitId, year ?? ServiceYear.Of(clock.GetUtcNow()), ct) is not { } r) return TypedResults.NotFound();
        var rows = r.Members.Select(m => Row(("姓名", m.Name), ("报到社区", m.CommunityName), ("服务时长（小时）", m.Hours),
            ("参加活动（次）", m.Activities), ("完成微心愿（个）", m.WishesFulfilled)));
        return await ExcelExport.FileAsync(rows, $"{r.UnitName}{r.Year}", $"unit-service-{r.Year}", clock, ct);
    }

    public static async Task<MemberReport?> MemberAsync(CivicGridDbContext db, Guid registrationId, int year, CancellationToken ct)
    {
        var reg = (await RegistrationViews.RowsAsync(db.DualRegistrations.Where(r => r.Id == registrationId && r.Kind == RegistrationKind.Member), db, ct))
            .SingleOrDefault();
        if (reg is null) return null;
        var accountId = await db.DualRegistrations.Where(r => r.Id == registrationId).Select(r => r.AccountId).SingleAsync(ct);
        var hours = await ActivityViews.HoursAsync(db, accountId, year, ct);
        var wishes = await WishesAsync(db, [accountId], year, ct);
        var mine = wishes.Where(w => w.AccountId == accountId).Select(w => new WishLine(w.Id, w.Title, w.ConfirmedAt)).ToList();
        return new MemberReport(reg.Id, reg.Name, reg.UnitName, reg.CommunityName, year, hours.Minutes, HoursOf(hours.Minutes),
            hours.Activities, mine.Count, hours.Lines, mine);
    }

    public static async Task<UnitReport?> UnitAsync(CivicGridDbContext db, CurrentUser user, Guid unitId, int year, CancellationToken ct)
    {
        var ownUnit = user.Scope.IsUnrestricted || user.Scope.UnitIds.Contains(unitId);
        if (!ownUnit && !user.Can(Permissions.Volunteering.Manage)) return null;
        var unitName = await db.Organisations.IgnoreQueryFilters([DataScope.FilterName]).Where(o => o.Id == unitId).Select(o => o.Name).SingleOrDefaultAsync(ct);
        if (unitName is null) return null;
        // Staff see the unit's members registered in their own communities (the filter); the unit sees all of them.
        var members = await RegistrationViews.RowsAsync(db.DualRegistrations.Where(r => r.Kind == RegistrationKind.Member && r.UnitId == unitId), db, ct);
        if (members.Count == 0 && !ownUnit) return null;
        var accounts = await db.DualRegistrations.Where(r => r.Kind == RegistrationKind.Member && r.UnitId == unitId)
            .Select(r => new { r.Id, r.AccountId }).ToDictionaryAsync(r => r.Id, r => r.AccountId, ct);
        var (from, to) = ServiceYear.Bounds(year);
        var ids = accounts.Values.ToList();
        var served = await db.ActivitySignups.IgnoreQueryFilters([DataScope.FilterName])
            .Where(s => ids.Contains(s.AccountId) && s.Status == SignupStatus.Confirmed && s.Minutes != null)
            .Join(db.VolunteerActivities, s => s.ActivityId, a => a.Id, (s, a) => new { s.AccountId, s.Minutes, a.StartsAt })
            .Where(x => x.StartsAt >= from && x.StartsAt < to)
            .GroupBy(x => x.AccountId)
            .Select(g => new { AccountId = g.Key, Minutes = g.Sum(x => x.Minutes ?? 0), Activities = g.Count(x => x.Minutes > 0) })
            .ToDictionaryAsync(x => x.AccountId, ct);
        var wishes = (await WishesAsync(db, ids, year, ct)).GroupBy(w => w.AccountId).ToDictionary(g => g.Key, g => g.Count());
        var totals = members.Select(m =>
        {
            var account = accounts[m.Id];
            var s = served.GetValueOrDefault(account);
            var minutes = s?.Minutes ?? 0;
            return new MemberTotal(m.Id, m.Name, m.CommunityName, m.Status, minutes, HoursOf(minutes), s?.Activities ?? 0, wishes.GetValueOrDefault(account));
        }).OrderByDescending(m => m.Minutes).ThenBy(m => m.Name).ToList();
        var all = totals.Sum(t => t.Minutes);
        return new UnitReport(unitId, unitName, year, all, HoursOf(all), totals);
    }

    sealed record ConfirmedWish(Guid Id, Guid AccountId, string Title, DateTimeOffset ConfirmedAt);

    static async Task<List<ConfirmedWish>> WishesAsync(CivicGridDbContext db, List<Guid> accounts, int year, CancellationToken ct)
    {
        var (from, to) = ServiceYear.Bounds(year);
        return await db.MicroWishes.IgnoreQueryFilters([DataScope.FilterName])
            .Where(w => w.Status == WishStatus.Confirmed && w.ClaimedByAccountId != null && accounts.Contains(w.ClaimedByAccountId.Value)
                && w.ConfirmedAt >= from && w.ConfirmedAt < to)
            .Select(w => new ConfirmedWish(w.Id, w.ClaimedByAccountId!.Value, w.Title, w.ConfirmedAt!.Value))
            .ToListAsync(ct);
    }

    /// <summary>Hours to one decimal, from whole minutes (rounded half away from zero).</summary>
    public static decimal HoursOf(int minutes) => Math.Round(minutes / 60m, 1, MidpointRounding.AwayFromZero);

    static IDictionary<string, object?> Row(params (string Key, object? Value)[] cells) => cells.ToDictionary(c => c.Key, c => c.Value);
}
