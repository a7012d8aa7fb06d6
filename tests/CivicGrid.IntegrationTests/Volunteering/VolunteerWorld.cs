using System.Net.Http.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.IntegrationTests.Volunteering;

public sealed record RegistrationDto(Guid Id, string Kind, string Name, string CommunityCode, string CommunityName, Guid? UnitId,
    string? UnitName, string Status, DateTimeOffset RegisteredAt, DateTimeOffset? ConfirmedAt);
public sealed record MineDto(Guid SignupId, string Status, int? QueuePosition, DateTimeOffset? CheckedInAt, DateTimeOffset? CheckedOutAt, int? Minutes);
public sealed record ActivityDto(Guid Id, string Title, string CommunityCode, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Places,
    int Taken, int Waiting, double? DistanceKm, MineDto? Mine);
public sealed record CodeDto(string Value, string Url, DateTimeOffset ExpiresAt, int StepSeconds, string Svg);
public sealed record CorrectionDto(DateTimeOffset At, string By, int? OldMinutes, int NewMinutes, string Reason);
public sealed record AttendeeDto(Guid SignupId, string Name, string Status, DateTimeOffset? CheckedInAt, DateTimeOffset? CheckedOutAt,
    int? Minutes, List<CorrectionDto> Corrections);
public sealed record WishDto(Guid Id, string Title, string CommunityCode, string Status, string? ClaimedBy, List<Guid> PhotoIds,
    bool MineToFulfil, bool MineToConfirm);
public sealed record HoursLineDto(Guid SignupId, Guid ActivityId, string Title, int? Minutes, bool Corrected);
public sealed record MyHoursDto(int Year, int Minutes, int Activities, List<HoursLineDto> Lines);
public sealed record MemberReportDto(Guid RegistrationId, string Name, string? EmployerName, string CommunityName, int Year, int Minutes,
    decimal Hours, int Activities, int WishesFulfilled, List<HoursLineDto> Lines);
public sealed record MemberTotalDto(Guid RegistrationId, string Name, int Minutes, decimal Hours, int Activities, int WishesFulfilled);
public sealed record UnitReportDto(Guid UnitId, string UnitName, int Year, int Minutes, List<MemberTotalDto> Members);

/// <summary>
/// A district with community staff of A and of B, two enterprises in A (one with a unit account), an in-service party
/// member employed by the first and linked to a resident of A, whose own resident account registers.
/// </summary>
public sealed class VolunteerWorld
{
    public required TestApp App { get; init; }
    public required TestDistrict District { get; init; }
    public required HttpClient StaffA { get; init; }
    public required HttpClient StaffB { get; init; }
    public required Organisation Unit { get; init; }
    public required Organisation OtherUnit { get; init; }
    public required HttpClient UnitClient { get; init; }
    public required HttpClient OtherUnitClient { get; init; }
    public required PartyMember Member { get; init; }
    public required TestResident MemberResident { get; init; }
    public required string MemberUser { get; init; }

    public static async Task<VolunteerWorld> CreateAsync(TestApp app)
    {
        var d = await A.District(app);
        var unit = new Organisation { Id = Guid.NewGuid(), AreaCode = d.CommunityA.AreaCode, Name = "甲社区供电公司", Kind = OrganisationKind.Enterprise };
        var other = new Organisation { Id = Guid.NewGuid(), AreaCode = d.CommunityA.AreaCode, Name = "甲社区银行", Kind = OrganisationKind.Enterprise };
        var resident = d.ResidentsOf(d.CommunityA).First();
        PartyMember member;
        await using (var db = app.Db())
        {
            db.Organisations.AddRange(unit, other);
            var party = await db.PartyOrganisations.FirstAsync(p => p.AreaCode == d.CommunityA.AreaCode);
            member = new PartyMember
            {
                Id = Guid.NewGuid(), AreaCode = d.CommunityA.AreaCode, PartyOrganisationId = party.Id, ResidentId = resident.Entity.Id,
                Name = resident.Entity.Name, InService = true, EmployerId = unit.Id,
            };
            db.PartyMembers.Add(member);
            await db.SaveChangesAsync();
        }
        return new VolunteerWorld
        {
            App = app, District = d, Unit = unit, OtherUnit = other, Member = member, MemberResident = resident,
            StaffA = await app.ClientFor(await A.Account(app, Roles.CommunityStaff, A.AreaScope(d.CommunityA))),
            StaffB = await app.ClientFor(await A.Account(app, Roles.CommunityStaff, A.AreaScope(d.CommunityB))),
            UnitClient = await app.ClientFor(await A.Account(app, Roles.CoBuildingUnit, A.UnitScope(unit.Id))),
            OtherUnitClient = await app.ClientFor(await A.Account(app, Roles.CoBuildingUnit, A.UnitScope(other.Id))),
            MemberUser = await A.Account(app, Roles.Resident, A.SelfScope(resident.Entity)),
        };
    }

    /// <summary>The member registers from their own account; returns a client signed in again (the new role shows then).</summary>
    public async Task<(HttpClient Client, RegistrationDto Registration)> RegisterMemberAsync()
    {
        var before = await App.ClientFor(MemberUser);
        var response = await before.PostAsJsonAsync("/api/volunteering/registrations/members", new
        {
            name = Member.Name, idCard = MemberResident.IdCard, employerId = Unit.Id, communityCode = District.CommunityA.AreaCode,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await App.ClientFor(MemberUser), (await response.Content.ReadFromJsonAsync<RegistrationDto>(Http.Json))!);
    }

    public async Task<HttpClient> VolunteerAsync() => await App.ClientFor(await A.Account(App, Roles.Volunteer));

    public async Task<ActivityDto> PublishAsync(int places, TimeSpan startsIn, TimeSpan length, string title = "红色星期六")
    {
        var now = App.Clock.GetUtcNow();
        var response = await StaffA.PostAsJsonAsync("/api/volunteering/activities", new
        {
            communityCode = District.CommunityA.AreaCode, title, description = "清理楼道", startsAt = now + startsIn, endsAt = now + startsIn + length,
            address = "甲社区广场", longitude = District.Bounds.MinX + 0.005, latitude = District.Bounds.MinY + 0.005, places,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ActivityDto>(Http.Json))!;
    }

    public async Task<string> CodeAsync(Guid activityId) => (await StaffA.Get<CodeDto>($"/api/volunteering/activities/{activityId}/code")).Value;

    public static Task<HttpResponseMessage> Scan(HttpClient who, Guid activityId, string move, string code) =>
        who.PostAsJsonAsync($"/api/volunteering/activities/{activityId}/{move}", new { code });
}
