using System.Net;
using CivicGrid.IntegrationTests.Infrastructure;
using static CivicGrid.IntegrationTests.Infrastructure.PhoneForms;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.IntegrationTests.Volunteering;

/// <summary>
/// The phone's registration page /m/register and its plain form (VolunteerForms): refusals come back as codes shown in
/// Chinese, never with the name or ID number in the address; the right details register once and the page then shows
/// the registration and its state.
/// </summary>
public sealed class MobileRegisterTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task The_form_sends_refusals_back_as_codes_shown_in_Chinese_and_registers_once(DatabaseProvider provider)
    {
        var w = await VolunteerWorld.CreateAsync(await apps.For(provider));
        var me = Forms(w.App, await w.App.ClientFor(w.MemberUser));
        var community = w.District.CommunityA.AreaCode;
        Assert.Contains("href=\"/m/register\"", await me.GetStringAsync("/m"));
        // Not yet a volunteer: an activity's page sends them to register instead of offering the sign-up.
        var activity = await w.PublishAsync(3, TimeSpan.FromDays(1), TimeSpan.FromHours(2));
        var notYet = await me.GetStringAsync($"/m/activities/{activity.Id}");
        Assert.Contains("data-testid=\"register-first\"", notYet);
        Assert.DoesNotContain("data-testid=\"signup\"", notYet);
        var page = await me.GetStringAsync("/m/register");
        Assert.Contains("data-testid=\"register-form\"", page);
        Assert.Contains(w.Unit.Name, page);
        var other = w.District.ResidentsOf(w.District.CommunityA).Last();
        FormUrlEncodedContent Body(string name, string idCard, string employer, string communityCode) =>
            Form(page, ("name", name), ("idCard", idCard), ("employerId", employer), ("communityCode", communityCode));

        var wrongId = Landed(await me.PostAsync("/m/register", Body(w.Member.Name, other.IdCard, w.Unit.Id.ToString(), community)));
        Assert.Equal($"/m/register?error=volunteer.identity_mismatch&employer={w.Unit.Id}&community={community}", wrongId);
        var shown = await me.GetStringAsync(wrongId);
        Assert.Contains("身份核验未通过", shown);
        Assert.Contains("data-testid=\"register-form\"", shown);
        var noEmployer = Landed(await me.PostAsync("/m/register", Body(w.Member.Name, w.MemberResident.IdCard, "", community)));
        Assert.StartsWith("/m/register?error=volunteer.identity_mismatch&", noEmployer);
        var nowhere = Landed(await me.PostAsync("/m/register", Body(w.Member.Name, w.MemberResident.IdCard, w.Unit.Id.ToString(), w.District.Street1.AreaCode)));
        Assert.StartsWith("/m/register?error=volunteer.community_unknown&", nowhere);
        Assert.Contains("报到社区不存在", await me.GetStringAsync(nowhere));
        foreach (var landed in new[] { wrongId, noEmployer, nowhere })
        {
            Assert.DoesNotContain(w.MemberResident.IdCard, landed);
            Assert.DoesNotContain(Uri.EscapeDataString(w.Member.Name), landed);
        }
        // Without the page's antiforgery token the post is refused outright.
        var forged = await me.PostAsync("/m/register", new FormUrlEncodedContent([new("name", w.Member.Name), new("idCard", w.MemberResident.IdCard),
            new("employerId", w.Unit.Id.ToString()), new("communityCode", community)]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        await using (var db = w.App.Db())
            Assert.Equal(0, await db.DualRegistrations.CountAsync(r => r.PartyMemberId == w.Member.Id));

        var right = Landed(await me.PostAsync("/m/register", Body(w.Member.Name, w.MemberResident.IdCard, w.Unit.Id.ToString(), community)));
        Assert.Equal("/m/register?done=registered", right);
        var after = await me.GetStringAsync(right);
        Assert.Contains("报到已提交", after);
        Assert.Contains("data-testid=\"my-registration\"", after);
        Assert.Contains("待确认", after);
        Assert.DoesNotContain("data-testid=\"register-form\"", after);
        Assert.DoesNotContain(w.MemberResident.IdCard, after);

        var twice = Landed(await me.PostAsync("/m/register", Body(w.Member.Name, w.MemberResident.IdCard, w.Unit.Id.ToString(), community)));
        Assert.StartsWith("/m/register?error=volunteer.already_registered&", twice);
        Assert.Contains("已经报到", await me.GetStringAsync(twice));

        // Community staff confirm: the member's page says so.
        var registration = Assert.Single(await w.StaffA.Get<List<RegistrationDto>>("/api/volunteering/registrations?kind=Member"));
        Assert.Equal(HttpStatusCode.OK, await w.StaffA.StatusOf(HttpMethod.Post, $"/api/volunteering/registrations/{registration.Id}/confirm"));
        Assert.Contains("已确认", await me.GetStringAsync("/m/register"));
        await using (var db = w.App.Db())
            Assert.Equal(1, await db.DualRegistrations.CountAsync(r => r.PartyMemberId == w.Member.Id));
    }
}
