using System.Net;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.IntegrationTests.Volunteering;

public sealed record VolunteerNoticeDto(Guid Id, string Kind, Guid ActivityId, string Title, DateTimeOffset StartsAt, string Text,
    DateTimeOffset At, bool Read);

/// <summary>候补转正: a cancelled place goes to the first waiting, who — and only who — is told, on the API and the phone.</summary>
public sealed class VolunteerNoticeTests(Apps apps) : IClassFixture<Apps>
{
    const string Notices = "/api/volunteering/me/notices";

    [Theory, OnSqlite, OnPostgres]
    public async Task A_promotion_from_the_waiting_list_gives_only_the_promoted_volunteer_a_notice(DatabaseProvider provider)
    {
        var w = await VolunteerWorld.CreateAsync(await apps.For(provider));
        var activity = await w.PublishAsync(1, TimeSpan.FromDays(2), TimeSpan.FromHours(3), "敬老院陪伴");
        var (holder, first, second) = (await w.VolunteerAsync(), await w.VolunteerAsync(), await w.VolunteerAsync());
        foreach (var v in new[] { holder, first, second })
            Assert.Equal(HttpStatusCode.OK, await v.StatusOf(HttpMethod.Post, $"/api/volunteering/activities/{activity.Id}/signup"));

        // A waiting volunteer who leaves frees no place: nobody is told anything.
        Assert.Equal(HttpStatusCode.OK, await second.StatusOf(HttpMethod.Post, $"/api/volunteering/activities/{activity.Id}/cancel"));
        await using (var db = w.App.Db())
            Assert.Equal(0, await db.VolunteerNotices.CountAsync(n => n.ActivityId == activity.Id));

        Assert.Equal(HttpStatusCode.OK, await holder.StatusOf(HttpMethod.Post, $"/api/volunteering/activities/{activity.Id}/cancel"));
        var notice = Assert.Single(await first.Get<List<VolunteerNoticeDto>>(Notices));
        Assert.Equal(("Promoted", activity.Id, "敬老院陪伴", false), (notice.Kind, notice.ActivityId, notice.Title, notice.Read));
        Assert.Contains("候补转正", notice.Text);
        Assert.Contains("敬老院陪伴", notice.Text);
        Assert.Empty(await holder.Get<List<VolunteerNoticeDto>>(Notices));
        Assert.Empty(await second.Get<List<VolunteerNoticeDto>>(Notices));
        Assert.Empty(await w.StaffA.Get<List<VolunteerNoticeDto>>(Notices));
        Assert.Equal(HttpStatusCode.NotFound, await second.StatusOf(HttpMethod.Post, $"{Notices}/{notice.Id}/read"));
        Assert.Equal(HttpStatusCode.NotFound, await w.StaffA.StatusOf(HttpMethod.Post, $"{Notices}/{notice.Id}/read"));

        // The phone's activity list shows it on top, to its volunteer only.
        var page = await first.GetStringAsync("/m/activities");
        Assert.Contains("data-testid=\"volunteer-notice\"", page);
        Assert.Contains("候补转正", page);
        Assert.DoesNotContain("data-testid=\"volunteer-notice\"", await holder.GetStringAsync("/m/activities"));
        Assert.Contains("data-testid=\"activities-badge\"", await first.GetStringAsync("/m"));

        Assert.Equal(HttpStatusCode.NoContent, await first.StatusOf(HttpMethod.Post, $"{Notices}/{notice.Id}/read"));
        Assert.Empty(await first.Get<List<VolunteerNoticeDto>>($"{Notices}?unreadOnly=true"));
        Assert.True(Assert.Single(await first.Get<List<VolunteerNoticeDto>>(Notices)).Read);
        Assert.DoesNotContain("data-testid=\"volunteer-notice\"", await first.GetStringAsync("/m/activities"));
        Assert.DoesNotContain("data-testid=\"activities-badge\"", await first.GetStringAsync("/m"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Marking_all_read_reads_only_the_callers_own_notices(DatabaseProvider provider)
    {
        var w = await VolunteerWorld.CreateAsync(await apps.For(provider));
        var a = await w.PublishAsync(1, TimeSpan.FromDays(1), TimeSpan.FromHours(2), "楼道清理");
        var b = await w.PublishAsync(1, TimeSpan.FromDays(1), TimeSpan.FromHours(2), "垃圾分类宣传");
        var (holder, me, other) = (await w.VolunteerAsync(), await w.VolunteerAsync(), await w.VolunteerAsync());
        // On a: holder, me waiting; on b: holder, other waiting. The holder leaves both.
        foreach (var (who, activity) in new[] { (holder, a), (me, a), (holder, b), (other, b) })
            Assert.Equal(HttpStatusCode.OK, await who.StatusOf(HttpMethod.Post, $"/api/volunteering/activities/{activity.Id}/signup"));
        foreach (var activity in new[] { a, b })
            Assert.Equal(HttpStatusCode.OK, await holder.StatusOf(HttpMethod.Post, $"/api/volunteering/activities/{activity.Id}/cancel"));

        Assert.Equal(HttpStatusCode.NoContent, await me.StatusOf(HttpMethod.Post, $"{Notices}/read"));
        Assert.Empty(await me.Get<List<VolunteerNoticeDto>>($"{Notices}?unreadOnly=true"));
        Assert.Equal(b.Id, Assert.Single(await other.Get<List<VolunteerNoticeDto>>($"{Notices}?unreadOnly=true")).ActivityId);
    }
}
