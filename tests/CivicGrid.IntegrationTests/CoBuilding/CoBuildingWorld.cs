using System.Net.Http.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Areas.Domain;
using CivicGrid.Modules.Cases.Catalog;
using CivicGrid.Modules.CoBuilding.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.People.Domain;

namespace CivicGrid.IntegrationTests.CoBuilding;

public sealed record AllianceDto(Guid Id, string AreaCode, AllianceLevel Level, string Name, int Members, Guid? NextChairUnitId);
public sealed record MemberDto(Guid UnitId, string UnitName, int Seq);
public sealed record CommitteeDto(Guid Id, string Name, Guid UnitId, string UnitName, string Post, Guid? AccountId);
public sealed record AllianceDetailDto(AllianceDto Alliance, List<MemberDto> Members, List<CommitteeDto> Committee);
public sealed record ResourceDto(Guid Id, Guid UnitId, string UnitName, string AreaCode, string Category, string Title, bool Withdrawn);
public sealed record NeedDto(Guid Id, string AreaCode, string Category, string Title, NeedUrgency Urgency, NeedStatus Status,
    Guid? ClaimedByUnitId, string ClaimedByUnitName, string? DeclineReason);
public sealed record ResourceMatchDto(ResourceDto Resource, double Km, int Score);
public sealed record NeedMatchDto(NeedDto Need, double Km, int Score);
public sealed record MeetingDto(Guid Id, MeetingKind Kind, Guid? AllianceId, string AreaCode, string Topic, Guid? ChairUnitId,
    string ChairUnitName, bool Finalised, int Present, int Absent, int Version);
public sealed record AttendeeDto(string Name, Guid? UnitId, Guid? AccountId, bool Present);
public sealed record FollowUpDto(Guid Id, string Text, Guid? CaseId, string? CaseNumber, Guid? ProjectId);
public sealed record MeetingDetailDto(MeetingDto Meeting, string Agenda, string Decisions, List<AttendeeDto> Attendees, List<FollowUpDto> FollowUps);
public sealed record ProjectDto(Guid Id, string AreaCode, int Year, string Title, ProjectStatus Status, Guid? ClaimedByUnitId,
    int? Score, int Milestones, int MilestonesDone, int MilestonesLate);
public sealed record MilestoneDto(Guid Id, int Seq, string Title, DateTimeOffset Due, DateTimeOffset? DoneAt, DateTimeOffset? LateFlaggedAt);
public sealed record PhotoDto(Guid Id, string FileName, string Url);
public sealed record EntryDto(Guid Id, ProjectEntryKind Kind, string Text, Guid? MilestoneId, List<PhotoDto> Photos);
public sealed record ProjectDetailDto(ProjectDto Project, string Plan, List<MilestoneDto> Milestones, List<EntryDto> Entries);
public sealed record PairDto(string CommunityCode, Guid UnitId, string UnitName, int Signed, DateOnly? LastSignedOn);
public sealed record BehindDto(string Half, int Pairs, List<PairDto> Behind);

/// <summary>
/// A district with co-building under way: community A's 大党委 with units 1 and 2 (in that order), street 1's 大工委
/// with unit 3, and unit 4 belonging nowhere; a signed-in client for each unit, for community A, B and street 1 staff.
/// </summary>
public sealed class CoBuildingWorld
{
    static int _items;
    public required TestApp App { get; init; }
    public required TestDistrict District { get; init; }
    public required Organisation Unit1 { get; init; }
    public required Organisation Unit2 { get; init; }
    public required Organisation Unit3 { get; init; }
    public required Organisation Unit4 { get; init; }
    public required AllianceDetailDto AllianceA { get; init; }
    public required AllianceDetailDto StreetAlliance { get; init; }
    public required HttpClient CommunityA { get; init; }
    public required HttpClient CommunityB { get; init; }
    public required HttpClient Street1 { get; init; }
    public required HttpClient U1 { get; init; }
    public required HttpClient U2 { get; init; }
    public required HttpClient U3 { get; init; }
    public required HttpClient U4 { get; init; }

    public Area GridA1 => District.GridsOf(District.CommunityA).First();
    public Area GridC1 => District.GridsOf(District.CommunityC).First();
    public static (double Lon, double Lat) Centre(Area grid) => (grid.Boundary!.Centroid.X, grid.Boundary.Centroid.Y);

    public static async Task<CoBuildingWorld> CreateAsync(TestApp app)
    {
        var d = await A.District(app);
        Organisation Unit(string name, string area) => new() { Id = Guid.NewGuid(), AreaCode = area, Name = name, Kind = OrganisationKind.Enterprise };
        var (u1, u2, u3, u4) = (Unit("测试供电公司", d.CommunityA.AreaCode), Unit("测试人民医院", d.Code), Unit("测试中学", d.Street1.AreaCode),
            Unit("测试物流公司", d.CommunityC.AreaCode));
        await using (var db = app.Db())
        {
            db.Organisations.AddRange(u1, u2, u3, u4);
            await db.SaveChangesAsync();
        }
        async Task<HttpClient> Client(string role, params AccountScope[] scopes) => await app.ClientFor(await A.Account(app, role, scopes));
        var communityA = await Client(Roles.CommunityStaff, A.AreaScope(d.CommunityA));
        var street1 = await Client(Roles.StreetStaff, A.AreaScope(d.Street1));
        var allianceA = await Ok<AllianceDetailDto>(await communityA.PostAsJsonAsync("/api/cobuilding/alliances", new { areaCode = d.CommunityA.AreaCode, name = "甲社区大党委" }));
        await Ok<AllianceDetailDto>(await communityA.PostAsJsonAsync($"/api/cobuilding/alliances/{allianceA.Alliance.Id}/members", new { unitId = u1.Id }));
        allianceA = await Ok<AllianceDetailDto>(await communityA.PostAsJsonAsync($"/api/cobuilding/alliances/{allianceA.Alliance.Id}/members", new { unitId = u2.Id }));
        var streetAlliance = await Ok<AllianceDetailDto>(await street1.PostAsJsonAsync("/api/cobuilding/alliances", new { areaCode = d.Street1.AreaCode, name = "一街道大工委" }));
        streetAlliance = await Ok<AllianceDetailDto>(await street1.PostAsJsonAsync($"/api/cobuilding/alliances/{streetAlliance.Alliance.Id}/members", new { unitId = u3.Id }));
        return new CoBuildingWorld
        {
            App = app, District = d, Unit1 = u1, Unit2 = u2, Unit3 = u3, Unit4 = u4, AllianceA = allianceA, StreetAlliance = streetAlliance,
            CommunityA = communityA, Street1 = street1,
            CommunityB = await Client(Roles.CommunityStaff, A.AreaScope(d.CommunityB)),
            U1 = await Client(Roles.CoBuildingUnit, A.UnitScope(u1.Id)),
            U2 = await Client(Roles.CoBuildingUnit, A.UnitScope(u2.Id)),
            U3 = await Client(Roles.CoBuildingUnit, A.UnitScope(u3.Id)),
            U4 = await Client(Roles.CoBuildingUnit, A.UnitScope(u4.Id)),
        };
    }

    public async Task<NeedDto> NeedAsync(string category = "venue", NeedUrgency urgency = NeedUrgency.Normal, Area? grid = null, HttpClient? who = null)
    {
        var (lon, lat) = Centre(grid ?? GridA1);
        return await Ok<NeedDto>(await (who ?? CommunityA).PostAsJsonAsync("/api/cobuilding/needs", new
        {
            category, title = "老年活动室场地", description = "每周二下午需要一间能坐40人的活动室", urgency, longitude = lon, latitude = lat,
        }));
    }

    public static async Task<ResourceDto> ResourceAsync(HttpClient unit, string category, double lon, double lat,
        DateTimeOffset? from = null, DateTimeOffset? until = null) =>
        await Ok<ResourceDto>(await unit.PostAsJsonAsync("/api/cobuilding/resources", new
        {
            category, title = "会议室", capacity = "可容纳60人", longitude = lon, latitude = lat, address = "测试路8号",
            availableFrom = from, availableUntil = until,
        }));

    /// <summary>A catalog item of this world's own, for follow-ups that open a case.</summary>
    public async Task<string> CatalogItemAsync()
    {
        var n = Interlocked.Increment(ref _items);
        var item = new CatalogItem
        {
            Code = $"96{n % 100:D2}", CategoryCode = "96", Name = $"共建测试事项{n}", LeadDuty = "城管", CooperatingDuties = [],
            OnTheSpotAllowed = false, ResponseLimit = TimeLimit.Parse("4h"), HandlingLimit = TimeLimit.Parse("3d"),
        };
        await using var db = App.Db();
        if (await db.CatalogCategories.FindAsync("96") is null) db.CatalogCategories.Add(new CatalogCategory { Code = "96", Name = "共建测试" });
        if (await db.CatalogItems.FindAsync(item.Code) is { } old) db.CatalogItems.Remove(old);
        await db.SaveChangesAsync();
        db.CatalogItems.Add(item);
        await db.SaveChangesAsync();
        return item.Code;
    }

    public static async Task<T> Ok<T>(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Http.Json))!;
    }
}
