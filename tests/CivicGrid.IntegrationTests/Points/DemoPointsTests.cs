using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Persistence;
using CivicGrid.Persistence.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.IntegrationTests.Points;

/// <summary>The demo's ledger is earned through the projection and keeps the ledger rules; the walkthrough's people exist.</summary>
public sealed class DemoPointsTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task The_demo_ledger_balances_from_the_flows_events_and_merchant1_has_a_shop(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using (var scope = app.Services.CreateScope())
            // Enough case history that resident1 has reports of their own rated satisfied.
            await DemoData.SeedAsync(scope.ServiceProvider, DemoSize.Tiny with { CasesPerDay = 24, CaseDays = 60 }, CancellationToken.None);
        await using var db = app.Db();

        Assert.False(await db.PointsEvents.AnyAsync(e => !e.Processed));
        var sums = await db.PointsEntries.GroupBy(e => e.AccountId).Select(g => new { g.Key, Sum = g.Sum(e => e.Amount) }).ToDictionaryAsync(x => x.Key, x => x.Sum);
        var accounts = await db.PointsAccounts.ToListAsync();
        Assert.True(accounts.Count > 3);
        Assert.All(accounts, a => Assert.Equal(sums.GetValueOrDefault(a.Id), a.Balance));
        Assert.All(accounts, a => Assert.True(a.Balance >= 0));
        // Service hours are most of what is earned; spending happened, and the codes are mostly redeemed.
        var earned = await db.PointsEntries.Where(e => e.Kind == PointsEntryKind.Earn).GroupBy(e => e.SourceKind)
            .Select(g => new { g.Key, Sum = g.Sum(e => e.Amount) }).ToDictionaryAsync(x => x.Key, x => x.Sum);
        Assert.True(earned[PointsEventKinds.VolunteerHours] > earned.Where(k => k.Key != PointsEventKinds.VolunteerHours).Sum(k => k.Value));
        Assert.True(await db.PointsEntries.AnyAsync(e => e.Kind == PointsEntryKind.Spend));
        Assert.True(await db.PointsEntries.AnyAsync(e => e.SourceKind == PointsEventKinds.CaseSatisfied));
        // Staff corrections of hours earned or took back the difference; the pilot community's expired hours expired once each.
        var corrections = await db.PointsEntries.Where(e => e.SourceKind == PointsEventKinds.VolunteerHoursCorrected).ToListAsync();
        Assert.Contains(corrections, e => e.Kind == PointsEntryKind.Earn && e.Amount > 0);
        Assert.Contains(corrections, e => e.Kind == PointsEntryKind.Adjustment);
        var expiries = await db.PointsEntries.Where(e => e.Kind == PointsEntryKind.Expiry).ToListAsync();
        Assert.NotEmpty(expiries);
        Assert.All(expiries, e => Assert.True(e.Amount < 0));
        Assert.Equal(expiries.Count, expiries.Select(e => e.SourceId).Distinct().Count());
        var expired = expiries.Select(e => e.SourceId).ToList();
        Assert.All(await db.PointsEntries.Where(e => expired.Contains(e.Id)).ToListAsync(), earn => Assert.True(earn.ExpiresAt <= app.Clock.GetUtcNow()));

        var resident1 = await db.Users.Where(u => u.UserName == "resident1").Select(u => u.Id).SingleAsync();
        var merchant1 = await db.Users.Where(u => u.UserName == "merchant1").Select(u => u.Id).SingleAsync();
        var shop = await db.AccountScopes.Where(s => s.AccountId == merchant1 && s.Kind == ScopeKind.Unit).Select(s => s.UnitId).SingleAsync();
        // resident1 earns from their own satisfied reports (no synthetic events: DemoPoints projects what the flows raised).
        Assert.True(await db.PointsEntries.AnyAsync(e => e.AccountId == resident1 && e.SourceKind == PointsEventKinds.CaseSatisfied));
        Assert.True(await db.RedemptionItems.AnyAsync(i => i.MerchantId == shop && i.Stock > 0));
        Assert.Contains(Roles.Merchant, await db.Roles.Where(r => db.UserRoles.Any(ur => ur.UserId == merchant1 && ur.RoleId == r.Id)).Select(r => r.Name).ToListAsync());
    }
}
