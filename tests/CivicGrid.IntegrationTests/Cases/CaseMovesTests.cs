using System.Collections.Concurrent;
using System.Net;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Areas.Locating;
using CivicGrid.Modules.Calendar.Loading;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Modules.Cases.Features;
using CivicGrid.Modules.Cases.Live;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static CivicGrid.IntegrationTests.Cases.CaseWorld;
using static CivicGrid.Modules.Cases.Domain.CaseAction;

namespace CivicGrid.IntegrationTests.Cases;

/// <summary>
/// The moves shared by the REST routes and the console (CaseMoves, MoveCase): what the detail offers each role in each
/// state, and a move made the way a page makes it — outside any HTTP request, with its own permission and version checks.
/// </summary>
public sealed class CaseMovesTests(Apps apps) : IClassFixture<Apps>
{
    sealed record MovesDto(List<CaseAction> Moves);

    [Theory, OnSqlite, OnPostgres]
    public async Task The_detail_offers_each_role_the_moves_of_the_state_and_every_offered_step_goes_through(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var id = (await w.ReportAsync()).Case.Id;
        async Task<List<CaseAction>> MovesOf(HttpClient who) => (await who.Get<MovesDto>($"/api/cases/{id}")).Moves;
        async Task Step(HttpClient who, CaseAction offered, string action, object? body = null)
        {
            Assert.Contains(offered, await MovesOf(who));
            await Move(who, id, action, body);
        }

        Assert.Equal([Accept, Reject, Relocate, Escalate, MergeInto], await MovesOf(w.CommunityA));
        Assert.Equal([Accept, Reject, Relocate, Escalate, SendSupervisionNotice, MergeInto], await MovesOf(w.Street1)); // the street may act on its communities' cases
        Assert.Empty(await MovesOf(w.Resident));
        Assert.Empty(await MovesOf(w.GridWorker));
        Assert.Equal(HttpStatusCode.NotFound, await w.CityscapeStaff.StatusOf(HttpMethod.Get, $"/api/cases/{id}"));

        await Step(w.CommunityA, Accept, "accept");
        Assert.Equal([Dispatch, Relocate, Escalate, MergeInto], await MovesOf(w.CommunityA)); // a community cannot whistle
        await Step(w.CommunityA, Dispatch, "dispatch", new { leadUnitId = w.Cityscape.Id, cooperatingUnitIds = new[] { w.Housing.Id } });
        Assert.Empty(await MovesOf(w.CommunityA));
        Assert.Equal([SignFor, Return], await MovesOf(w.CityscapeStaff));
        Assert.Equal([SignFor, Return], await MovesOf(w.HousingStaff));

        await Step(w.CityscapeStaff, SignFor, "sign-for");
        Assert.Equal([StartHandling, Return, RequestExtension], await MovesOf(w.CityscapeStaff));
        Assert.Equal([SignFor, Return], await MovesOf(w.HousingStaff)); // a cooperating unit neither starts nor reports
        await Step(w.CityscapeStaff, RequestExtension, "extension", new { days = 2, reason = "需协调住建部门" });
        Assert.Equal([StartHandling, Return], await MovesOf(w.CityscapeStaff)); // one request at a time
        Assert.Equal([GrantExtension], await MovesOf(w.CommunityA));
        await Step(w.CommunityA, GrantExtension, "extension/decision", new { grant = true });
        await Step(w.CityscapeStaff, StartHandling, "start");
        await Step(w.CityscapeStaff, ReportHandled, "handled", new { comment = "已清运" });
        Assert.Equal([Verify], await MovesOf(w.GridWorker));
        await Step(w.GridWorker, Verify, "verify", new { passed = true });
        Assert.Equal([Close], await MovesOf(w.CommunityA));
        await Step(w.CommunityA, Close, "close", new { solved = true });
        Assert.Empty(await MovesOf(w.CommunityA)); // a resident's case is rated by the resident, not on a return visit
        await Step(w.Resident, Rate, "rate", new { rating = "Dissatisfied" });
        await Step(w.CommunityA, Reopen, "reopen", new { comment = "居民反映仍有垃圾" });
        Assert.Equal([ReportHandled, Return, RequestExtension], await MovesOf(w.CityscapeStaff));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_phone_case_is_rated_by_its_community_on_a_return_visit(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var c = await w.ReportAsync(w.CommunityA, new
        {
            itemCode = w.Item.Code, description = "电话反映路灯不亮", longitude = w.Point.Lon, latitude = w.Point.Lat, source = "Phone",
        });
        var id = c.Case.Id;
        await Move(w.CommunityA, id, "accept");
        await Move(w.CommunityA, id, "dispatch", new { leadUnitId = w.Cityscape.Id });
        await Move(w.CityscapeStaff, id, "sign-for");
        await Move(w.CityscapeStaff, id, "start");
        await Move(w.CityscapeStaff, id, "handled", new { comment = "已修复" });
        await Move(w.GridWorker, id, "verify", new { passed = true });
        await Move(w.CommunityA, id, "close", new { solved = true });

        Assert.Equal([Rate], (await w.CommunityA.Get<MovesDto>($"/api/cases/{id}")).Moves);
        Assert.Equal(HttpStatusCode.NotFound, await w.CommunityB.StatusOf(HttpMethod.Get, $"/api/cases/{id}"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_move_made_as_a_page_makes_it_checks_permission_version_and_state_and_is_announced_to_those_who_see_it(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CaseWorld.CreateAsync(app);
        var reported = await w.ReportAsync();
        var id = reported.Case.Id;
        var community = await UserOf(app, await A.Account(app, Roles.CommunityStaff, A.AreaScope(w.District.CommunityA)));
        var otherCommunity = await UserOf(app, await A.Account(app, Roles.CommunityStaff, A.AreaScope(w.District.CommunityB)));
        var department = await UserOf(app, await A.Account(app, Roles.DepartmentStaff, A.UnitScope(w.Cityscape.Id)));
        var feed = app.Services.GetRequiredService<CaseFeed>();
        var heard = new ConcurrentQueue<CaseChange>();
        feed.Changed += heard.Enqueue;
        try
        {
            var refused = await TryAsync(app, department, id, reported.Case.Version, CaseMoves.Accept(null));
            Assert.Equal("access.forbidden", refused.Error?.Code); // a page has no route guard: the move checks its permission itself
            Assert.True((await TryAsync(app, otherCommunity, id, null, CaseMoves.Accept(null))).NotFound);
            Assert.Equal(Error.StaleWrite, (await TryAsync(app, community, id, reported.Case.Version + 1, CaseMoves.Accept(null))).Error);
            Assert.Equal("case.illegal_transition",
                (await TryAsync(app, community, id, reported.Case.Version, CaseMoves.Dispatch(w.Cityscape.Id, [], null))).Error?.Code);
            Assert.DoesNotContain(heard, h => h.CaseId == id); // refusals change nothing and announce nothing

            var accepted = await TryAsync(app, community, id, reported.Case.Version, CaseMoves.Accept("电话核实"));
            Assert.Null(accepted.Error);
            Assert.Equal(CaseStatus.Accepted, accepted.Case!.Case.Status);
            Assert.Equal([Dispatch, Relocate, Escalate, MergeInto], accepted.Case.Moves);
            var change = Assert.Single(heard, h => h.CaseId == id);
            Assert.Equal(Accept, change.Action);
            Assert.True(change.IsVisibleTo(community.Scope));
            Assert.False(change.IsVisibleTo(otherCommunity.Scope));
            Assert.False(change.IsVisibleTo(department.Scope)); // not dispatched to it yet

            // 并单 by the number a person reads off the list.
            var duplicate = await w.ReportAsync(w.OtherResident);
            var merged = await TryAsync(app, community, duplicate.Case.Id, null, CaseMoves.Merge(reported.Case.Number));
            Assert.Equal(CaseStatus.Merged, merged.Case!.Case.Status);
            Assert.Equal(id, merged.Case.MergedIntoId);
            Assert.Equal("case.not_found", (await TryAsync(app, community, id, null, CaseMoves.Merge("370000-1999-000001"))).Error?.Code);
        }
        finally { feed.Changed -= heard.Enqueue; }
    }

    /// <summary>The caller as a console circuit has it: the claims written at sign-in.</summary>
    static async Task<CurrentUser> UserOf(TestApp app, string userName)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<Account>>();
        return new CurrentUser(await factory.CreateAsync((await users.FindByNameAsync(userName))!));
    }

    /// <summary>A move as the case pages make it: a short-lived context in the user's scope, no HTTP request.</summary>
    static async Task<MoveCase.Outcome> TryAsync(TestApp app, CurrentUser user, Guid id, int? version, CaseMove move)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        await using var db = new ScopedDb(sp, user).Open();
        return await new MoveCase(db, user, app.Clock, sp.GetRequiredService<CurrentCalendar>(), sp.GetRequiredService<GridLocator>(),
            sp.GetRequiredService<CaseDetailParts>(), sp.GetRequiredService<CivicGrid.Shared.Files.UploadLimits>())
            .TryAsync(id, version, move, CancellationToken.None);
    }
}
