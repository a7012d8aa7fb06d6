using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Cases.Domain;
using static CivicGrid.IntegrationTests.Cases.CaseWorld;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.IntegrationTests.Cases;

/// <summary>A case's history is append-only: no save may change or delete an entry, except the projection's mark.</summary>
public sealed class CaseHistoryTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task The_reporter_follows_the_milestones_without_the_offices_notes_and_staff_see_everything(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var id = (await w.ReportAsync()).Case.Id;
        await Move(w.CommunityA, id, "accept", new { comment = "内部：先电话联系物业王经理13800001111" });
        await Move(w.CommunityA, id, "dispatch", new { leadUnitId = w.Cityscape.Id, comment = "请今日到场" });
        await Move(w.CityscapeStaff, id, "sign-for");
        await Move(w.CityscapeStaff, id, "extension", new { days = 1, reason = "等待垃圾车" });
        await Move(w.CityscapeStaff, id, "start", new { comment = "已派两名队员" });
        await Move(w.CityscapeStaff, id, "handled", new { comment = "已清运完毕" });

        var mine = await w.Resident.Get<CaseDetailDto>($"/api/cases/{id}");
        Assert.DoesNotContain(mine.History, h => h.Action == CaseAction.RequestExtension);
        Assert.All(mine.History.Where(h => h.Action is CaseAction.Accept or CaseAction.Dispatch or CaseAction.StartHandling), h => Assert.Null(h.Comment));
        Assert.Equal("已清运完毕", Assert.Single(mine.History, h => h.Action == CaseAction.ReportHandled).Comment);
        Assert.DoesNotContain("13800001111", await w.Resident.GetStringAsync($"/m/cases/{id}"));

        var office = await w.CommunityA.Get<CaseDetailDto>($"/api/cases/{id}");
        Assert.Equal("内部：先电话联系物业王经理13800001111", Assert.Single(office.History, h => h.Action == CaseAction.Accept).Comment);
        Assert.Single(office.History, h => h.Action == CaseAction.RequestExtension);
    }

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
