using System.Net;
using System.Net.Http.Json;
using CivicGrid.IntegrationTests.Cases;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.CoBuilding.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Modules.Points.Jobs;
using Microsoft.Extensions.DependencyInjection;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;
using static CivicGrid.IntegrationTests.CoBuilding.CoBuildingWorld;

namespace CivicGrid.IntegrationTests.CoBuilding;

/// <summary>Joint meetings and consultations: the rotating chair, attendance that earns points once, follow-ups into the case loop.</summary>
public sealed class MeetingsTests(Apps apps) : IClassFixture<Apps>
{
    static object Joint(Guid allianceId, string topic, DateTimeOffset at, object[]? participants = null) => new
    {
        kind = MeetingKind.JointMeeting, allianceId, topic, at, place = "社区党群服务中心", agenda = "1. 议定年度项目", decisions = "",
        participants = participants ?? [],
    };

    [Theory, OnSqlite, OnPostgres]
    public async Task The_chair_rotates_through_the_member_units_in_joining_order(DatabaseProvider provider)
    {
        var w = await CreateAsync(await apps.For(provider));
        var id = w.AllianceA.Alliance.Id;
        var now = w.App.Clock.GetUtcNow();
        Assert.Equal(w.Unit1.Id, w.AllianceA.Alliance.NextChairUnitId);

        var first = await Ok<MeetingDetailDto>(await w.CommunityA.PostAsJsonAsync("/api/cobuilding/meetings", Joint(id, "第一次联席会议", now.AddDays(-20))));
        var second = await Ok<MeetingDetailDto>(await w.CommunityA.PostAsJsonAsync("/api/cobuilding/meetings", Joint(id, "第二次联席会议", now.AddDays(-10))));
        var third = await Ok<MeetingDetailDto>(await w.CommunityA.PostAsJsonAsync("/api/cobuilding/meetings", Joint(id, "第三次联席会议", now)));

        Assert.Equal([w.Unit1.Id, w.Unit2.Id, w.Unit1.Id], new[] { first, second, third }.Select(m => m.Meeting.ChairUnitId));
        Assert.Equal(w.Unit2.Id, (await w.CommunityA.Get<AllianceDetailDto>($"/api/cobuilding/alliances/{id}")).Alliance.NextChairUnitId);
        // A chair from outside the alliance is refused.
        var outsider = await w.CommunityA.PostAsJsonAsync("/api/cobuilding/meetings", new { kind = MeetingKind.JointMeeting, allianceId = id, topic = "x", at = now, chairUnitId = w.Unit4.Id });
        Assert.Equal("cobuilding.not_member", await outsider.ProblemCode());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Finalising_credits_each_present_account_once_and_fixes_the_record(DatabaseProvider provider)
    {
        var w = await CreateAsync(await apps.For(provider));
        var app = w.App;
        var present = await AccountIdAsync(app, await A.Account(app, Roles.Volunteer));
        var absent = await AccountIdAsync(app, await A.Account(app, Roles.Volunteer));
        // A part-time committee member with an account, drawn from a member unit.
        var committee = await Ok<AllianceDetailDto>(await w.CommunityA.PostAsJsonAsync($"/api/cobuilding/alliances/{w.AllianceA.Alliance.Id}/committee",
            new { name = "王兼职", unitId = w.Unit1.Id, post = "兼职委员", accountId = present }));
        Assert.Equal(present, Assert.Single(committee.Committee).AccountId);
        Assert.Equal("cobuilding.not_member", await (await w.CommunityA.PostAsJsonAsync($"/api/cobuilding/alliances/{w.AllianceA.Alliance.Id}/committee",
            new { name = "李外单位", unitId = w.Unit4.Id, post = "委员" })).ProblemCode());

        var meeting = await Ok<MeetingDetailDto>(await w.CommunityA.PostAsJsonAsync("/api/cobuilding/meetings", Joint(w.AllianceA.Alliance.Id, "停车难议事",
            app.Clock.GetUtcNow(), [
                new { name = "王兼职", unitId = w.Unit1.Id, accountId = present, present = true },
                new { name = "赵缺席", unitId = w.Unit2.Id, accountId = absent, present = false },
                new { name = "居民代表张", present = true },
            ])));
        Assert.Equal((2, 1), (meeting.Meeting.Present, meeting.Meeting.Absent));
        // Still a draft: nothing earned yet.
        await using (var db = app.Db())
            Assert.Equal(0, await db.PointsEvents.CountAsync(e => e.SourceId == meeting.Meeting.Id));

        var finalised = await Ok<MeetingDetailDto>(await w.CommunityA.PostAsync($"/api/cobuilding/meetings/{meeting.Meeting.Id}/finalise", null));
        Assert.True(finalised.Meeting.Finalised);
        var twice = await w.CommunityA.PostAsync($"/api/cobuilding/meetings/{meeting.Meeting.Id}/finalise", null);
        Assert.Equal("cobuilding.meeting_finalised", await twice.ProblemCode());
        var edit = await w.CommunityA.PutAsJsonAsync($"/api/cobuilding/meetings/{meeting.Meeting.Id}", Joint(w.AllianceA.Alliance.Id, "改过", app.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);

        await using var check = app.Db();
        var events = await check.PointsEvents.Where(e => e.SourceId == meeting.Meeting.Id).ToListAsync();
        var e = Assert.Single(events);
        Assert.Equal((PointsEventKinds.MeetingAttended, present, w.District.CommunityA.AreaCode, 1), (e.Kind, e.AccountId, e.AreaCode, e.Quantity));
        // Units that attended see the meeting; another community's staff do not.
        Assert.Contains(meeting.Meeting.Id, (await w.U2.Get<List<MeetingDto>>("/api/cobuilding/meetings")).Select(m => m.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await w.CommunityB.GetAsync($"/api/cobuilding/meetings/{meeting.Meeting.Id}")).StatusCode);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_attendee_earns_once_when_finalise_is_retried_even_at_the_same_moment(DatabaseProvider provider)
    {
        var w = await CreateAsync(await apps.For(provider));
        var app = w.App;
        var attendee = await AccountIdAsync(app, await A.Account(app, Roles.Volunteer));
        var meeting = await Ok<MeetingDetailDto>(await w.CommunityA.PostAsJsonAsync("/api/cobuilding/meetings", Joint(w.AllianceA.Alliance.Id, "加装电梯议事",
            app.Clock.GetUtcNow(), [new { name = "孙居民", accountId = attendee, present = true }])));
        var finalise = $"/api/cobuilding/meetings/{meeting.Meeting.Id}/finalise";

        // A double tap: two finalise requests at once. One fixes the record; the other finds it final (or loses the race
        // on the version or the points event's key) and is told so, writing nothing.
        var answers = await Task.WhenAll(w.CommunityA.PostAsync(finalise, null), w.CommunityA.PostAsync(finalise, null));
        Assert.Single(answers, a => a.IsSuccessStatusCode);
        Assert.Equal("cobuilding.meeting_finalised", await Assert.Single(answers, a => !a.IsSuccessStatusCode).ProblemCode());
        // A retry after a lost answer, later.
        Assert.Equal("cobuilding.meeting_finalised", await (await w.CommunityA.PostAsync(finalise, null)).ProblemCode());

        await app.Services.GetRequiredService<PointsProjection>().RunOnceAsync(CancellationToken.None);
        await app.Services.GetRequiredService<PointsProjection>().RunOnceAsync(CancellationToken.None);
        await using var db = app.Db();
        var e = Assert.Single(await db.PointsEvents.Where(e => e.SourceId == meeting.Meeting.Id).ToListAsync());
        Assert.Equal((PointsEventKinds.MeetingAttended, attendee, true), (e.Kind, e.AccountId, e.Processed));
        var earned = Assert.Single(await db.PointsEntries.Where(x => x.AccountId == attendee).ToListAsync());
        Assert.Equal((e.Id, EarningRule.Default(e.AreaCode, e.Kind).PointsFor(e.Kind, 1)), (earned.EventId, earned.Amount));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_follow_up_opens_a_case_through_the_shared_intake_or_links_an_existing_one(DatabaseProvider provider)
    {
        var w = await CreateAsync(await apps.For(provider));
        var item = await w.CatalogItemAsync();
        var (lon, lat) = Centre(w.GridA1);
        var council = await Ok<MeetingDetailDto>(await w.CommunityA.PostAsJsonAsync("/api/cobuilding/meetings", new
        {
            kind = MeetingKind.GridCouncil, areaCode = w.GridA1.AreaCode, topic = "楼道杂物堆放", at = w.App.Clock.GetUtcNow(), place = "1号楼下",
            chairName = "网格长", decisions = "由社区上报清理",
        }));

        var withCase = await Ok<MeetingDetailDto>(await w.CommunityA.PostAsJsonAsync($"/api/cobuilding/meetings/{council.Meeting.Id}/follow-ups", new
        {
            text = "清理1号楼楼道杂物", newCase = new { itemCode = item, description = "1号楼楼道堆放杂物，议事会决定上报清理", longitude = lon, latitude = lat },
        }));
        var followUp = Assert.Single(withCase.FollowUps);
        Assert.NotNull(followUp.CaseId);
        var c = await w.CommunityA.Get<CaseDetailDto>($"/api/cases/{followUp.CaseId}");
        Assert.Equal(followUp.CaseNumber, c.Case.Number);
        Assert.Equal(w.GridA1.AreaCode, c.Case.AreaCode);

        // Linking by number: the same case again, and an unknown number refused with nothing written.
        var linked = await Ok<MeetingDetailDto>(await w.CommunityA.PostAsJsonAsync($"/api/cobuilding/meetings/{council.Meeting.Id}/follow-ups",
            new { text = "跟踪办理", caseNumber = c.Case.Number }));
        Assert.Equal(2, linked.FollowUps.Count(f => f.CaseId == c.Case.Id));
        var unknown = await w.CommunityA.PostAsJsonAsync($"/api/cobuilding/meetings/{council.Meeting.Id}/follow-ups", new { text = "x", caseNumber = "NOPE" });
        Assert.Equal("cobuilding.case_not_found", await unknown.ProblemCode());
        // A failing intake leaves no follow-up behind.
        var bad = await w.CommunityA.PostAsJsonAsync($"/api/cobuilding/meetings/{council.Meeting.Id}/follow-ups",
            new { text = "x", newCase = new { itemCode = "0000", description = "x", longitude = lon, latitude = lat } });
        Assert.False(bad.IsSuccessStatusCode);
        Assert.Equal(2, (await w.CommunityA.Get<MeetingDetailDto>($"/api/cobuilding/meetings/{council.Meeting.Id}")).FollowUps.Count);

        // A project follow-up.
        var project = await Ok<ProjectDetailDto>(await w.CommunityA.PostAsJsonAsync("/api/cobuilding/projects", new
        {
            areaCode = w.District.CommunityA.AreaCode, year = 2026, title = "楼道微改造", category = "other",
        }));
        var withProject = await Ok<MeetingDetailDto>(await w.CommunityA.PostAsJsonAsync($"/api/cobuilding/meetings/{council.Meeting.Id}/follow-ups",
            new { text = "纳入项目清单", projectId = project.Project.Id }));
        Assert.Contains(withProject.FollowUps, f => f.ProjectId == project.Project.Id);
    }

    static async Task<Guid> AccountIdAsync(TestApp app, string userName)
    {
        await using var db = app.Db();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }
}
