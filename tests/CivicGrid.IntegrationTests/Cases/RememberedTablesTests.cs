using System.Net;
using System.Net.Http.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Areas;
using CivicGrid.Modules.Cases.Catalog;
using CivicGrid.Modules.Cases.Features;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.IntegrationTests.Cases;

/// <summary>
/// What intake and the case answers hold in memory (ADR 16) — the catalog, the area names, blocks of case numbers —
/// never serves a caller something the database no longer says once the change is known, and never a number twice.
/// </summary>
public sealed class RememberedTablesTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_catalog_change_made_through_another_instance_reaches_intake_at_the_next_check(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        await w.ReportAsync(); // the catalog is in memory now

        // Another instance retires the item: its save goes past this instance's change tracking, as plain SQL does.
        await using (var db = w.App.Db())
            await db.Database.ExecuteSqlAsync($"""UPDATE "CatalogItems" SET "Retired" = TRUE, "Version" = "Version" + 1 WHERE "Code" = {w.Item.Code}""");
        await w.App.Services.GetRequiredService<RememberedCatalog>().CheckAsync(CancellationToken.None);

        var refused = await w.Resident.PostAsJsonAsync("/api/cases", w.Report());
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "case.unknown_item"), (refused.StatusCode, await refused.ProblemCode()));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_item_this_instance_has_not_seen_yet_is_read_from_the_table(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        await w.ReportAsync(); // the catalog is in memory now
        // Another instance adds item 9401: its save goes past this instance's change tracking, as plain SQL does.
        await using (var db = w.App.Db())
        {
            if (await db.CatalogCategories.FindAsync("94") is null)
            {
                db.CatalogCategories.Add(new CatalogCategory { Code = "94", Name = "另一实例的大类" });
                await db.SaveChangesAsync();
            }
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "CatalogItems" ("Code", "CategoryCode", "Name", "LeadDuty", "CooperatingDuties", "OnTheSpotAllowed", "ResponseLimit", "HandlingLimit", "Retired", "Version")
                SELECT '9401', '94', '另一实例新增的事项', "LeadDuty", "CooperatingDuties", "OnTheSpotAllowed", "ResponseLimit", "HandlingLimit", FALSE, 0
                FROM "CatalogItems" WHERE "Code" = {w.Item.Code} AND NOT EXISTS (SELECT 1 FROM "CatalogItems" WHERE "Code" = '9401')
                """);
        }

        var made = await w.ReportAsync(body: w.Report(itemCode: "9401"));
        Assert.Equal("9401", made.Case.ItemCode);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_renamed_community_shows_its_new_name_on_the_next_answer(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var before = await w.ReportAsync();
        Assert.Equal(w.District.CommunityA.Name, before.CommunityName);

        var admin = await w.App.ClientFor(await A.Account(w.App, Roles.Admin));
        var renamed = await admin.PutAsJsonAsync($"/api/areas/{w.District.CommunityA.AreaCode}/name",
            new { name = "更名后的社区", version = w.District.CommunityA.Version });
        Assert.True(renamed.IsSuccessStatusCode, await renamed.Content.ReadAsStringAsync());

        Assert.Equal("更名后的社区", (await w.Resident.Get<CaseDetailDto>($"/api/cases/{before.Case.Id}")).CommunityName);
        Assert.Equal("更名后的社区", (await w.ReportAsync()).CommunityName);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Two_instances_taking_numbers_at_once_never_give_the_same_number(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var district = $"9{Random.Shared.Next(10000, 99999)}";
        var now = app.Clock.GetUtcNow();
        var instances = new[] { new CaseNumbers(), new CaseNumbers() };
        // Each instance takes 60 numbers, 4 at a time, each with its own context: fast enough that blocks grow.
        var taken = await Task.WhenAll(instances.SelectMany(numbers => Enumerable.Range(0, 4).Select(async _ =>
        {
            var mine = new List<string>();
            for (var i = 0; i < 15; i++)
            {
                await using var db = app.Db();
                mine.Add(await numbers.NextAsync(db, district, now, CancellationToken.None));
            }
            return mine;
        })));

        var all = taken.SelectMany(t => t).ToList();
        Assert.Equal(120, all.Distinct().Count());
        await using var check = app.Db();
        var counter = await check.CaseNumberCounters.SingleAsync(c => c.Key.StartsWith(district));
        Assert.All(all, n => Assert.InRange(int.Parse(n[^6..]), 1, counter.Last));
        Assert.All(all, n => Assert.StartsWith(counter.Key + "-", n));
    }
}
