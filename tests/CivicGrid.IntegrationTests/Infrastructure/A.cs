using CivicGrid.Modules.Areas.Domain;
using CivicGrid.Modules.Areas.Locating;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.People.Domain;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;

namespace CivicGrid.IntegrationTests.Infrastructure;

/// <summary>A district built for one test: two streets, three communities (A, B in street 1; C in street 2), four grids each.</summary>
public sealed record TestDistrict(string Code, Area Street1, Area Street2, Area CommunityA, Area CommunityB, Area CommunityC,
    IReadOnlyList<Area> Grids, IReadOnlyList<Household> Households, IReadOnlyList<TestResident> Residents)
{
    public IEnumerable<Area> GridsOf(Area community) => Grids.Where(g => g.ParentCode == community.AreaCode);
    public IEnumerable<TestResident> ResidentsOf(Area area) => Residents.Where(r => r.Entity.AreaCode.StartsWith(area.Code.Prefix));
    public Envelope Bounds { get; init; } = new();
}

public sealed record TestResident(Resident Entity, string IdCard, string Phone);

/// <summary>Builders for test data, written straight to the database outside any scope.</summary>
public static class A
{
    public const string Password = "Test@2026";
    static int _districts;
    static int _people;
    static readonly GeometryFactory Geo = new(new PrecisionModel(), 4326);

    /// <summary>Grid cells are 0.01° squares; each district gets its own patch of the map so tests never overlap.</summary>
    public static async Task<TestDistrict> District(TestApp app)
    {
        var n = Interlocked.Increment(ref _districts);
        var city = AreaCode.Parse("379900000000");
        var district = city.Child(10 + n % 89);
        // Side by side eastwards, wrapping before the antimeridian: a long run makes hundreds of districts, and no test
        // class makes anywhere near 140 in its own database.
        double x0 = 100 + n % 140 * 0.5, y0 = 30;
        var protector = app.Services.GetRequiredService<PersonalDataProtector>();
        await using var db = app.Db();
        if (!await db.Areas.AnyAsync(a => a.AreaCode == city.Value))
            db.Areas.Add(new Area { Id = Guid.NewGuid(), AreaCode = city.Value, Name = "测试市", Level = AreaLevel.City });
        var areas = new List<Area> { Node(district, $"测试{n}区", city) };
        var street1 = Node(district.Child(1), "一街道", district);
        var street2 = Node(district.Child(2), "二街道", district);
        var communityA = Node(street1.Code.Child(1), "甲社区", street1.Code);
        var communityB = Node(street1.Code.Child(2), "乙社区", street1.Code);
        var communityC = Node(street2.Code.Child(1), "丙社区", street2.Code);
        areas.AddRange([street1, street2, communityA, communityB, communityC]);
        var grids = new List<Area>();
        foreach (var (community, col) in new[] { (communityA, 0), (communityB, 2), (communityC, 4) })
            for (var i = 0; i < 4; i++)
            {
                double x = x0 + (col + i % 2) * 0.01, y = y0 + i / 2 * 0.01;
                grids.Add(new Area
                {
                    Id = Guid.NewGuid(), AreaCode = community.Code.Child(i + 1).Value, Name = $"{community.Name}{i + 1}网格",
                    Level = AreaLevel.Grid, ParentCode = community.AreaCode, Boundary = Square(x, y, 0.01),
                });
            }
        areas.AddRange(grids);
        db.Areas.AddRange(areas);
        foreach (var community in new[] { communityA, communityB, communityC })
        {
            db.Organisations.Add(new Organisation { Id = Guid.NewGuid(), AreaCode = community.AreaCode, Name = $"{community.Name}驿站", Kind = OrganisationKind.NewEconomy });
            var party = new PartyOrganisation { Id = Guid.NewGuid(), AreaCode = community.AreaCode, Name = $"{community.Name}党委", Level = PartyOrganisationLevel.CommunityCommittee };
            db.PartyOrganisations.Add(party);
            db.PartyMembers.Add(new PartyMember { Id = Guid.NewGuid(), AreaCode = community.AreaCode, PartyOrganisationId = party.Id, Name = $"{community.Name}党员" });
            db.Vehicles.Add(new Vehicle { Id = Guid.NewGuid(), AreaCode = community.AreaCode + "001", PlateNumber = $"鲁C{n:D2}{community.AreaCode[^3..]}" });
        }

        var households = new List<Household>();
        var residents = new List<TestResident>();
        foreach (var grid in grids)
        {
            var building = new Building { Id = Guid.NewGuid(), AreaCode = grid.AreaCode, Name = "1号楼", Address = $"{grid.Name}1号楼", Floors = 6 };
            db.Buildings.Add(building);
            for (var h = 1; h <= 2; h++)
            {
                var household = new Household
                {
                    Id = Guid.NewGuid(), AreaCode = grid.AreaCode, BuildingId = building.Id, UnitNo = "1单元", RoomNo = $"10{h}",
                    Address = $"{grid.Name}1号楼1单元10{h}室",
                };
                households.Add(household);
                db.Households.Add(household);
                var resident = Resident(household, protector);
                residents.Add(resident);
                db.Residents.Add(resident.Entity);
            }
        }
        await db.SaveChangesAsync();
        await app.Services.GetRequiredService<GridLocator>().RefreshAsync(force: true, CancellationToken.None);
        return new TestDistrict(district.Value, street1, street2, communityA, communityB, communityC, grids, households, residents)
        {
            Bounds = new Envelope(x0, x0 + 0.06, y0, y0 + 0.02),
        };
    }

    public static TestResident Resident(Household household, PersonalDataProtector protector, string? name = null)
    {
        var n = Interlocked.Increment(ref _people);
        var id = IdCard(n);
        var phone = $"139{n:D8}";
        var resident = new Resident
        {
            Id = Guid.NewGuid(), AreaCode = household.AreaCode, HouseholdId = household.Id, Name = name ?? $"测试居民{n}",
            ResidenceType = ResidenceType.Registered, RelationToHead = "户主", Tags = n % 3 == 0 ? [ResidentTags.ElderlyAlone] : [],
        };
        resident.SetIdCard(id, protector);
        resident.SetPhone(phone, protector);
        return new TestResident(resident, id, phone);
    }

    /// <summary>A valid, unique 18-digit ID number (GB 11643 check digit).</summary>
    public static string IdCard(int n)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(n % 20000);
        var first17 = $"370303{birth:yyyyMMdd}{n % 1000:D3}";
        return first17 + IdCardNumber.CheckCharFor(first17);
    }

    /// <summary>Creates an account with one role and its scopes; returns the user name.</summary>
    public static async Task<string> Account(TestApp app, string role, params AccountScope[] scopes)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = new Account { Id = Guid.NewGuid(), UserName = $"{role}-{Guid.NewGuid():N}"[..30], DisplayName = role };
        var created = await users.CreateAsync(account, Password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(",", created.Errors.Select(e => e.Code)));
        await users.AddToRoleAsync(account, role);
        await using var db = app.Db();
        foreach (var s in scopes) { s.Id = Guid.NewGuid(); s.AccountId = account.Id; db.AccountScopes.Add(s); }
        await db.SaveChangesAsync();
        return account.UserName;
    }

    public static AccountScope AreaScope(Area area) => new() { Kind = ScopeKind.Area, AreaCode = area.AreaCode };
    public static AccountScope UnitScope(Guid unit) => new() { Kind = ScopeKind.Unit, UnitId = unit };
    public static AccountScope SelfScope(Resident resident) => new() { Kind = ScopeKind.Self, ResidentId = resident.Id };

    public static Polygon Square(double x, double y, double size) => Geo.CreatePolygon(
    [
        new Coordinate(x, y), new Coordinate(x + size, y), new Coordinate(x + size, y + size), new Coordinate(x, y + size), new Coordinate(x, y),
    ]);

    static Area Node(AreaCode code, string name, AreaCode parent) => new()
    {
        Id = Guid.NewGuid(), AreaCode = code.Value, Name = name, Level = code.Level, ParentCode = parent.Value,
    };
}
