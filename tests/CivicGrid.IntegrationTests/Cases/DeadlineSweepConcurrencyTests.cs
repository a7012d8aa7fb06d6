using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Calendar.Domain;
using CivicGrid.Modules.Calendar.Loading;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Modules.Cases.Jobs;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CivicGrid.IntegrationTests.Cases;

/// <summary>
/// The deadline sweep run by several instances at the same moment (DOMAIN.md §3; PostgreSQL claims each batch with
/// <c>FOR UPDATE SKIP LOCKED</c>): however the batches interleave, every due case turns yellow and red, is reminded and
/// is flagged for supervision exactly once. SQLite has one writer and one instance, so this is PostgreSQL only.
/// </summary>
public sealed class DeadlineSweepConcurrencyTests(ITestOutputHelper output)
{
    /// <summary>Several batches' worth (the sweep claims 200 at a time), so the sweepers meet on locked rows.</summary>
    const int Due = 700;

    [Theory, OnPostgres]
    public async Task Sweeps_on_two_instances_at_once_record_each_light_reminder_and_flag_exactly_once(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await CaseWorld.CreateAsync(app, responseLimit: "4h", handlingLimit: "3d");
        var ids = await DispatchManyAsync(app, w, Due);
        await using var peer = app.Peer();

        // A week later every case is past its response limit (unsigned) and its handling limit.
        var later = app.Clock.GetUtcNow().AddDays(7);
        app.Clock.SetUtcNow(later);
        peer.Clock.SetUtcNow(later);
        var first = app.Services.GetRequiredService<DeadlineSweep>();
        var second = peer.Services.GetRequiredService<DeadlineSweep>();
        using var start = new ManualResetEventSlim();
        Task<int> Sweeper(DeadlineSweep sweep) => Task.Run(() => { start.Wait(); return sweep.RunOnceAsync(CancellationToken.None); });
        var sweepers = new[] { Sweeper(first), Sweeper(second), Sweeper(second) }; // two instances, one of them sweeping twice over
        start.Set();
        var swept = await Task.WhenAll(sweepers);
        output.WriteLine($"cases each sweeper recorded something on: {string.Join(", ", swept)}");
        Assert.Equal(Due, swept.Sum()); // a case swept by two would count twice
        Assert.Equal(0, await first.RunOnceAsync(CancellationToken.None)); // and nothing was left over

        await using var db = app.Db();
        var history = await db.CaseTransitions.AsNoTracking()
            .Where(t => ids.Contains(t.CaseId) && t.ActorAccountId == null && t.ActorName == Actor.System.Name)
            .GroupBy(t => new { t.CaseId, t.Action }).Select(g => new { g.Key.CaseId, g.Key.Action, Count = g.Count() }).ToListAsync();
        foreach (var action in new[] { CaseAction.TurnYellow, CaseAction.TurnRed, CaseAction.RemindResponse, CaseAction.FlagSupervision })
        {
            var entries = history.Where(h => h.Action == action).ToList();
            Assert.Equal(Due, entries.Count); // every case has it …
            Assert.All(entries, e => Assert.Equal(1, e.Count)); // … once
        }
        Assert.Equal(4 * Due, history.Sum(h => h.Count)); // and nothing else
        var cases = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Light, c.Supervised }).ToListAsync();
        Assert.All(cases, c => Assert.Equal((DeadlineStatus.Red, true), (c.Light, c.Supervised)));
        var reminded = await db.CaseAssignments.AsNoTracking().CountAsync(a => ids.Contains(a.CaseId) && a.ResponseReminded);
        Assert.Equal(Due, reminded);

        // The lead unit heard each reminder once: the response limit, yellow, red.
        var notices = await db.CaseNotices.AsNoTracking()
            .Where(n => ids.Contains(n.CaseId) && n.UnitId == w.Cityscape.Id && n.Kind == NoticeKind.Reminder)
            .GroupBy(n => n.CaseId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(Due, notices.Count);
        Assert.All(notices, n => Assert.Equal(3, n));
    }

    /// <summary>
    /// Cases reported, accepted and dispatched (unsigned) through the aggregate's own transitions and saved as the app saves
    /// them (history and notices by its interceptors): hundreds of cases over HTTP would cost minutes for nothing tested.
    /// </summary>
    static async Task<List<Guid>> DispatchManyAsync(TestApp app, CaseWorld w, int count)
    {
        var calendar = app.Services.GetRequiredService<CurrentCalendar>().Calendar;
        var now = app.Clock.GetUtcNow();
        var staff = new Actor(null, "测试调度员", DataScope.Unrestricted);
        var lead = new UnitRef(w.Cityscape.Id, w.Cityscape.Name);
        var ids = new List<Guid>();
        for (var from = 0; from < count; from += 250)
        {
            await using var db = app.Db();
            for (var i = from; i < Math.Min(count, from + 250); i++)
            {
                var c = Case.Report(new Case.Intake($"{w.District.Code[..6]}-2026-9{i:D5}", w.Grid.AreaCode, CaseSource.Phone, w.Item,
                    $"超时测试案件{i}", w.Point.Lon, w.Point.Lat, "测试路1号", CasePriority.Normal, "测试居民", []), staff, now);
                Assert.Null(c.Accept(staff, null, now));
                Assert.Null(c.Dispatch(staff, lead, [], whistle: false, w.Item, calendar, null, now));
                db.Cases.Add(c);
                ids.Add(c.Id);
            }
            await db.SaveChangesAsync();
        }
        return ids;
    }
}
