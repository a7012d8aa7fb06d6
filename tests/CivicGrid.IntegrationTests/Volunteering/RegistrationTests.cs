using System.Net;
using System.Net.Http.Json;
using CivicGrid.IntegrationTests.CoBuilding;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.IntegrationTests.Volunteering;

/// <summary>Dual registration (双报到): the identity check, the volunteer role, who sees and confirms.</summary>
public sealed class RegistrationTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Member_registration_checks_identity_against_the_party_member_record(DatabaseProvider provider)
    {
        var w = await VolunteerWorld.CreateAsync(await apps.For(provider));
        var me = await w.App.ClientFor(w.MemberUser);
        var other = w.District.ResidentsOf(w.District.CommunityA).Last();
        object Body(string name, string idCard, Guid employer) => new { name, idCard, employerId = employer, communityCode = w.District.CommunityA.AreaCode };

        foreach (var wrong in new[] { Body(w.Member.Name, other.IdCard, w.Unit.Id), Body(w.Member.Name, w.MemberResident.IdCard, w.OtherUnit.Id),
                     Body("别人", w.MemberResident.IdCard, w.Unit.Id), Body(w.Member.Name, "", w.Unit.Id) })
        {
            var refused = await me.PostAsJsonAsync("/api/volunteering/registrations/members", wrong);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Equal("volunteer.identity_mismatch", await refused.ProblemCode());
        }
        // Before registering the resident account may not sign up for activities.
        var activity = await w.PublishAsync(5, TimeSpan.FromHours(1), TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.Forbidden, await me.StatusOf(HttpMethod.Post, $"/api/volunteering/activities/{activity.Id}/signup"));

        var (volunteer, registration) = await w.RegisterMemberAsync();
        Assert.Equal("Pending", registration.Status);
        Assert.Equal(w.Unit.Id, registration.UnitId);
        Assert.Equal(w.District.CommunityA.AreaCode, registration.CommunityCode);
        var raw = await (await volunteer.GetAsync("/api/volunteering/registrations")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(w.MemberResident.IdCard, raw);
        Assert.DoesNotContain(w.MemberResident.IdCard[..14], raw);

        // Linked to the account with the volunteer role: from the next sign-in the member may sign up.
        Assert.Equal(HttpStatusCode.OK, await volunteer.StatusOf(HttpMethod.Post, $"/api/volunteering/activities/{activity.Id}/signup"));
        var again = await volunteer.PostAsJsonAsync("/api/volunteering/registrations/members",
            Body(w.Member.Name, w.MemberResident.IdCard, w.Unit.Id));
        Assert.Equal("volunteer.already_registered", await again.ProblemCode());
        await using var db = w.App.Db();
        Assert.Equal(1, await db.DualRegistrations.CountAsync(r => r.PartyMemberId == w.Member.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Community_staff_confirm_their_registrations_and_the_unit_sees_its_members(DatabaseProvider provider)
    {
        var w = await VolunteerWorld.CreateAsync(await apps.For(provider));
        var (volunteer, registration) = await w.RegisterMemberAsync();

        Assert.DoesNotContain(await w.StaffB.Get<List<RegistrationDto>>("/api/volunteering/registrations"), r => r.Id == registration.Id);
        Assert.Equal(HttpStatusCode.NotFound, await w.StaffB.StatusOf(HttpMethod.Post, $"/api/volunteering/registrations/{registration.Id}/confirm"));
        Assert.Contains(await w.UnitClient.Get<List<RegistrationDto>>("/api/volunteering/registrations"), r => r.Id == registration.Id);
        Assert.DoesNotContain(await w.OtherUnitClient.Get<List<RegistrationDto>>("/api/volunteering/registrations"), r => r.Id == registration.Id);
        // The unit sees its member's registration but confirming is the community's.
        Assert.Equal(HttpStatusCode.Forbidden, await w.UnitClient.StatusOf(HttpMethod.Post, $"/api/volunteering/registrations/{registration.Id}/confirm"));

        var confirmed = await w.StaffA.PostAsync($"/api/volunteering/registrations/{registration.Id}/confirm", null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("Confirmed", (await confirmed.Content.ReadFromJsonAsync<RegistrationDto>(Http.Json))!.Status);
        var twice = await w.StaffA.PostAsync($"/api/volunteering/registrations/{registration.Id}/confirm", null);
        Assert.Equal("volunteer.registration_not_pending", await twice.ProblemCode());
        Assert.Equal("Confirmed", Assert.Single(await volunteer.Get<List<RegistrationDto>>("/api/volunteering/registrations")).Status);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_unit_registers_with_a_community_for_itself_only(DatabaseProvider provider)
    {
        var w = await VolunteerWorld.CreateAsync(await apps.For(provider));
        var community = w.District.CommunityB.AreaCode;
        var created = await w.UnitClient.PostAsJsonAsync("/api/volunteering/registrations/units", new { unitId = w.Unit.Id, communityCode = community });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var row = (await created.Content.ReadFromJsonAsync<RegistrationDto>(Http.Json))!;
        Assert.Equal(("Unit", w.Unit.Name, "Pending"), (row.Kind, row.Name, row.Status));

        var forAnother = await w.UnitClient.PostAsJsonAsync("/api/volunteering/registrations/units", new { unitId = w.OtherUnit.Id, communityCode = community });
        Assert.Equal(HttpStatusCode.NotFound, forAnother.StatusCode);
        var twice = await w.UnitClient.PostAsJsonAsync("/api/volunteering/registrations/units", new { unitId = w.Unit.Id, communityCode = community });
        Assert.Equal("volunteer.already_registered", await twice.ProblemCode());
        var nowhere = await w.UnitClient.PostAsJsonAsync("/api/volunteering/registrations/units", new { unitId = w.Unit.Id, communityCode = w.District.Street1.AreaCode });
        Assert.Equal("volunteer.community_unknown", await nowhere.ProblemCode());

        // Community B confirms it; community A does not even see it.
        Assert.DoesNotContain(await w.StaffA.Get<List<RegistrationDto>>("/api/volunteering/registrations"), r => r.Id == row.Id);
        Assert.Equal(HttpStatusCode.OK, (await w.StaffB.PostAsync($"/api/volunteering/registrations/{row.Id}/confirm", null)).StatusCode);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_unit_registering_with_a_community_several_times_at_once_gets_one_registration(DatabaseProvider provider)
    {
        var w = await VolunteerWorld.CreateAsync(await apps.For(provider));
        var community = w.District.CommunityB.AreaCode;
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            w.UnitClient.PostAsJsonAsync("/api/volunteering/registrations/units", new { unitId = w.Unit.Id, communityCode = community })));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("volunteer.already_registered", await refused.ProblemCode());
        }
        await using var db = w.App.Db();
        Assert.Equal(1, await db.DualRegistrations.CountAsync(r => r.UnitId == w.Unit.Id && r.AreaCode == community));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Confirming_a_unit_registration_pairs_the_unit_with_the_communitys_alliance_once(DatabaseProvider provider)
    {
        var w = await VolunteerWorld.CreateAsync(await apps.For(provider));
        var community = w.District.CommunityA.AreaCode;
        var formed = await w.StaffA.PostAsJsonAsync("/api/cobuilding/alliances", new { areaCode = community, name = "甲社区大党委" });
        Assert.Equal(HttpStatusCode.Created, formed.StatusCode);
        var alliance = (await formed.Content.ReadFromJsonAsync<AllianceDetailDto>(Http.Json))!.Alliance;
        // The other unit is a member already: its confirmation must not add it twice.
        Assert.Equal(HttpStatusCode.OK, await w.StaffA.StatusOf(HttpMethod.Post, $"/api/cobuilding/alliances/{alliance.Id}/members", new { unitId = w.OtherUnit.Id }));
        var unitRegistration = await RegisterUnit(w.UnitClient, w.Unit.Id, community);
        var otherRegistration = await RegisterUnit(w.OtherUnitClient, w.OtherUnit.Id, community);
        Assert.Empty(await w.UnitClient.Get<List<AllianceDto>>("/api/cobuilding/alliances"));

        // Another community's staff: as if it did not exist, and nothing joins.
        Assert.Equal(HttpStatusCode.NotFound, await w.StaffB.StatusOf(HttpMethod.Post, $"/api/volunteering/registrations/{unitRegistration.Id}/confirm"));
        Assert.Equal([w.OtherUnit.Id], (await Alliance(w, alliance.Id)).Members.Select(m => m.UnitId));

        Assert.Equal(HttpStatusCode.OK, await w.StaffA.StatusOf(HttpMethod.Post, $"/api/volunteering/registrations/{unitRegistration.Id}/confirm"));
        Assert.Equal(HttpStatusCode.OK, await w.StaffA.StatusOf(HttpMethod.Post, $"/api/volunteering/registrations/{otherRegistration.Id}/confirm"));
        var again = await w.StaffA.PostAsync($"/api/volunteering/registrations/{unitRegistration.Id}/confirm", null);
        Assert.Equal("volunteer.registration_not_pending", await again.ProblemCode());

        // Joined once, after the members already there (the chair rotation's order).
        var members = (await Alliance(w, alliance.Id)).Members;
        Assert.Equal([(w.OtherUnit.Id, 1), (w.Unit.Id, 2)], members.Select(m => (m.UnitId, m.Seq)));
        Assert.Contains(await w.UnitClient.Get<List<AllianceDto>>("/api/cobuilding/alliances"), a => a.Id == alliance.Id);
        await using (var db = w.App.Db())
            Assert.Equal(1, await db.AllianceMembers.CountAsync(m => m.UnitId == w.Unit.Id));

        // A community without a 大党委: the confirmation stands, no alliance appears.
        var elsewhere = await RegisterUnit(w.UnitClient, w.Unit.Id, w.District.CommunityB.AreaCode);
        Assert.Equal(HttpStatusCode.OK, await w.StaffB.StatusOf(HttpMethod.Post, $"/api/volunteering/registrations/{elsewhere.Id}/confirm"));
        await using (var db = w.App.Db())
        {
            Assert.False(await db.Alliances.AnyAsync(a => a.AreaCode == w.District.CommunityB.AreaCode));
            Assert.Equal(1, await db.AllianceMembers.CountAsync(m => m.UnitId == w.Unit.Id));
        }
    }

    static async Task<RegistrationDto> RegisterUnit(HttpClient unit, Guid unitId, string community)
    {
        var response = await unit.PostAsJsonAsync("/api/volunteering/registrations/units", new { unitId, communityCode = community });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<RegistrationDto>(Http.Json))!;
    }

    static Task<AllianceDetailDto> Alliance(VolunteerWorld w, Guid id) => w.StaffA.Get<AllianceDetailDto>($"/api/cobuilding/alliances/{id}");
}
