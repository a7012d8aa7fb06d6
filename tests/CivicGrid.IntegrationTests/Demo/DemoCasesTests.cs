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
        foreach (var status in new[] { CaseStatus.Reported, CaseStatus.Rejected, CaseStatus.Handling, CaseStatus.Closed, CaseStatus.Rated })
            Assert.Contains(cases, c => c.Status == status);
        Assert.Contains(cases, c => c.OnTheSpot);
        Assert.Contains(cases, c => c.ReturnCount > 0);
        Assert.Contains(cases, c => c.ReopenCount > 0);
        Assert.Contains(cases, c => c.EscalationCount > 0);
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
}
