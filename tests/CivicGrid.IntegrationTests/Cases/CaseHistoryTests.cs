using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.IntegrationTests.Cases;

/// <summary>A case's history is append-only: no save may change or delete an entry, except the projection's mark.</summary>
public sealed class CaseHistoryTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_save_that_would_rewrite_or_delete_a_history_entry_fails_whole(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var id = (await w.ReportAsync()).Case.Id;

        await using (var db = w.App.Db())
        {
            var entry = await db.CaseTransitions.IgnoreQueryFilters().SingleAsync(t => t.CaseId == id);
            var @case = await db.Cases.IgnoreQueryFilters().SingleAsync(c => c.Id == id);
            entry.Comment = "改写的历史";
            @case.Description = "同一次保存里的另一处修改";
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("append-only", refused.Message);
        }
        await using (var db = w.App.Db())
        {
            db.CaseTransitions.Remove(await db.CaseTransitions.IgnoreQueryFilters().SingleAsync(t => t.CaseId == id));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }
        await using (var db = w.App.Db())
        {
            var entry = await db.CaseTransitions.IgnoreQueryFilters().SingleAsync(t => t.CaseId == id);
            Assert.NotEqual("改写的历史", entry.Comment);
            Assert.NotEqual("同一次保存里的另一处修改", (await db.Cases.IgnoreQueryFilters().SingleAsync(c => c.Id == id)).Description);
            // The figures projection's mark is the one thing that may change (written as it is: the figures stay right).
            db.Entry(entry).Property(t => t.Projected).IsModified = true;
            Assert.Equal(1, await db.SaveChangesAsync());
        }
    }
}
