using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Persistence;
using CivicGrid.Persistence.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.IntegrationTests.Demo;

/// <summary>The demo's case history is told through the real transitions: it covers the loop and stays consistent.</summary>
public sealed class DemoCasesTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Demo_history_covers_every_source_state_and_side_path_with_whole_histories(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using (var scope = app.Services.CreateScope())
        {
            var result = await DemoData.SeedAsync(scope.ServiceProvider, DemoSize.Tiny with { CasesPerDay = 24, CaseDays = 60 }, CancellationToken.None);
            Assert.True(result.Cases > 500, $"{result.Cases} cases");
        }
        await using var db = app.Db();
        var cases = await db.Cases.AsNoTracking().ToListAsync();
        Assert.Equal(Enum.GetValues<CaseSource>().Order(), cases.Select(c => c.Source).Distinct().Order());
        foreach (var status in new[] { CaseStatus.Reported, CaseStatus.Accepted, CaseStatus.Dispatched, CaseStatus.Handling, CaseStatus.Handled,
                     CaseStatus.Verified, CaseStatus.Closed, CaseStatus.Rated, CaseStatus.Rejected, CaseStatus.Merged })
            Assert.True(cases.Any(c => c.Status == status), $"no {status} case");
        // A merged duplicate points to a case that is still open and says in its own history that it took it in.
        var merged = cases.Where(c => c.Status == CaseStatus.Merged).ToList();
        var absorbed = await db.CaseTransitions.AsNoTracking().Where(t => t.Action == CaseAction.AbsorbMerged).Select(t => t.CaseId).ToListAsync();
        Assert.All(merged, m => Assert.Contains(m.MergedIntoId!.Value, absorbed));
        Assert.Equal(merged.Count, absorbed.Count);
        Assert.Contains(cases, c => c.OnTheSpot);
        Assert.Contains(cases, c => c.ReturnCount > 0);
        Assert.Contains(cases, c => c.ReopenCount > 0);
        Assert.Contains(cases, c => c.EscalationCount > 0);
        Assert.Contains(cases, c => c.Level == CaseLevel.District); // lifted on by a street: the district command centre's work
        Assert.Contains(cases, c => c.Whistled);
        Assert.Contains(cases, c => c.Supervised);
        Assert.Contains(cases, c => c.Light == Modules.Calendar.Domain.DeadlineStatus.Red);
        Assert.Contains(cases, c => c.Rating == Satisfaction.Dissatisfied);
        // Every case's history is whole: numbered 1..n, as many entries as the case counted, ending in its state.
        var history = await db.CaseTransitions.AsNoTracking().ToListAsync();
        var byCase = history.GroupBy(t => t.CaseId).ToDictionary(g => g.Key, g => g.OrderBy(t => t.Seq).ToList());
        Assert.All(cases, c =>
        {
            var entries = byCase[c.Id];
            Assert.Equal(Enumerable.Range(1, c.TransitionCount), entries.Select(t => t.Seq));
            Assert.Equal(c.Status, entries[^1].To);
        });
        // Numbers are unique per district and year, and the counter continues after them.
        Assert.Equal(cases.Count, cases.Select(c => c.Number).Distinct().Count());
        var counter = await db.CaseNumberCounters.SingleAsync();
        Assert.Equal(cases.Max(c => c.Number), $"{counter.Key}-{counter.Last:D6}");
    }

    /// <summary>
    /// The benchmark fixture writes in bulk and counts its own rollups; they must be exactly what the projection would
    /// have counted from the same history. Recounting it with the projection proves it.
    /// </summary>
    [Theory, OnSqlite, OnPostgres]
    public async Task Bulk_fixture_stores_whole_histories_and_the_rollups_the_projection_would_count(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using (var scope = app.Services.CreateScope())
        {
            await DemoData.SeedAsync(scope.ServiceProvider, DemoSize.Tiny with { CasesPerDay = 0 }, CancellationToken.None);
            var made = await DemoCases.SeedBulkAsync(scope.ServiceProvider, 1500, 70, _ => { }, CancellationToken.None);
            Assert.Equal(1500, made); // exactly the total asked for, though some stories end before they start
        }
        await using var db = app.Db();
        var cases = await db.Cases.AsNoTracking().ToListAsync();
        var history = await db.CaseTransitions.AsNoTracking().ToListAsync();
        Assert.All(history, t => Assert.True(t.Projected));
        var byCase = history.GroupBy(t => t.CaseId).ToDictionary(g => g.Key, g => g.OrderBy(t => t.Seq).ToList());
        Assert.All(cases, c => Assert.Equal(Enumerable.Range(1, c.TransitionCount), byCase[c.Id].Select(t => t.Seq)));
        Assert.Equal(1500, cases.Count);
        Assert.Equal(cases.Count, cases.Select(c => c.Number).Distinct().Count());

        var bulk = await Rollups(db);
        Assert.Equal(cases.Count, bulk.Rows.Sum(r => r.Reported));
        // Forget the fixture's rollups, recount the same history with the projection, compare row by row.
        await db.CaseFiguresDaily.ExecuteDeleteAsync();
        await db.UnitFiguresDaily.ExecuteDeleteAsync();
        await db.CaseFiguresMonthly.ExecuteDeleteAsync();
        await db.UnitFiguresMonthly.ExecuteDeleteAsync();
        await db.CaseTransitions.ExecuteUpdateAsync(s => s.SetProperty(t => t.Projected, false));
        await app.Services.GetRequiredService<Modules.Cases.Figures.FiguresProjection>().RunOnceAsync(CancellationToken.None);
        var projected = await Rollups(db);
        Assert.Equal(projected.Areas, bulk.Areas);
        Assert.Equal(projected.Units, bulk.Units);
        Assert.Equal(projected.AreaMonths, bulk.AreaMonths);
        Assert.Equal(projected.UnitMonths, bulk.UnitMonths);
        // A month row is the sum of its days' rows (the fixture spans two or three months, so this is not one row).
        var monthsOfDays = bulk.Rows.GroupBy(r => (new DateOnly(r.Day.Year, r.Day.Month, 1), r.CommunityCode))
            .Select(g => (g.Key, g.Sum(r => r.Reported), g.Sum(r => r.Handled), g.Sum(r => r.HandlingMinutes), g.Sum(r => r.Satisfied)))
            .OrderBy(x => x.Key).ToList();
        var months = (await db.CaseFiguresMonthly.AsNoTracking().ToListAsync())
            .Select(r => ((r.Month, r.CommunityCode), r.Reported, r.Handled, r.HandlingMinutes, r.Satisfied)).OrderBy(x => x.Item1).ToList();
        Assert.True(months.Select(m => m.Item1.Month).Distinct().Count() >= 2);
        Assert.Equal(monthsOfDays, months);

        // The dashboards read whole months from the monthly rows and the ragged ends from the daily ones: the same sums
        // as adding up every day, for any period.
        var first = bulk.Rows.Min(r => r.Day);
        var units = await db.UnitFiguresDaily.AsNoTracking().ToListAsync();
        var sums = app.Services.GetRequiredService<Modules.Cases.Figures.FigureSums>();
        // Each period twice: read from the rollups, then the past part from memory.
        foreach (var period in new[] { new Modules.Cases.Figures.FiguresPeriod(first, bulk.Rows.Max(r => r.Day)),
                     new(first.AddDays(3), new DateOnly(first.Year, first.Month, 1).AddMonths(2).AddDays(-1)) }.SelectMany(p => new[] { p, p }))
        {
            Assert.NotNull(period.Split().Months);
            var read = await Modules.Cases.Figures.ReadFigures.CommunitySumsAsync(db, sums, period, null, CancellationToken.None);
            var byDays = bulk.Rows.Where(r => r.Day >= period.From && r.Day <= period.To).GroupBy(r => r.CommunityCode)
                .ToDictionary(g => g.Key, g => Json(Modules.Cases.Figures.ReadFigures.Sum(g)));
            Assert.Equal(byDays, read.ToDictionary(kv => kv.Key, kv => Json(kv.Value)));
            var readUnits = (await Modules.Cases.Figures.ReadFigures.UnitsAsync(null, period, db, sums, CancellationToken.None)).Value!;
            var unitsByDays = units.Where(r => r.Day >= period.From && r.Day <= period.To).GroupBy(r => r.UnitId)
                .ToDictionary(g => g.Key, g => (g.Sum(r => r.Dispatched), g.Sum(r => r.SignedInTime), g.Sum(r => r.Handled), g.Sum(r => r.Returns)));
            Assert.Equal(unitsByDays.OrderBy(kv => kv.Key), readUnits.Select(r => KeyValuePair.Create(r.UnitId,
                (r.Figures.Dispatched, r.Figures.SignedInTime, r.Figures.Handled, r.Figures.Returns))).OrderBy(kv => kv.Key));
        }

        // New history after the fixture gets ids after the fixture's (the identity sequence was moved past them).
        var next = new Modules.Cases.Domain.CaseTransition { CaseId = cases[0].Id, Seq = 999, AreaCode = cases[0].AreaCode, At = DateTimeOffset.UtcNow, To = cases[0].Status };
        db.CaseTransitions.Add(next);
        await db.SaveChangesAsync();
        Assert.True(next.Id > history.Max(t => t.Id));
    }

    static string Json(object r) => System.Text.Json.JsonSerializer.Serialize(r);

    /// <summary>The rollup tables, each row as its JSON text in key order: equal lists mean equal figures.</summary>
    static async Task<(List<Modules.Cases.Figures.CaseFiguresDaily> Rows, List<string> Areas, List<string> Units, List<string> AreaMonths, List<string> UnitMonths)> Rollups(CivicGridDbContext db)
    {
        var areas = await db.CaseFiguresDaily.AsNoTracking().OrderBy(r => r.Day).ThenBy(r => r.CommunityCode).ToListAsync();
        var units = await db.UnitFiguresDaily.AsNoTracking().ToListAsync();
        var areaMonths = await db.CaseFiguresMonthly.AsNoTracking().ToListAsync();
        var unitMonths = await db.UnitFiguresMonthly.AsNoTracking().ToListAsync();
        return (areas, areas.Select(Json).ToList(),
            units.OrderBy(r => r.Day).ThenBy(r => r.UnitId).ThenBy(r => r.CommunityCode).Select(Json).ToList(),
            areaMonths.OrderBy(r => r.Month).ThenBy(r => r.CommunityCode).Select(Json).ToList(),
            unitMonths.OrderBy(r => r.Month).ThenBy(r => r.UnitId).ThenBy(r => r.CommunityCode).Select(Json).ToList());
    }
}
