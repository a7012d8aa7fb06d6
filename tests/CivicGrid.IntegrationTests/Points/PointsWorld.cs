using System.Net.Http.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.People.Domain;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Modules.Points.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.IntegrationTests.Points;

public sealed record AccountDto(Guid AccountId, string DisplayName, string AreaCode, int Balance, int Earned, int Spent, int Expired);
public sealed record EntryDto(Guid Id, Guid AccountId, string AreaCode, PointsEntryKind Kind, int Amount, int? Uncapped,
    string? CappedBy, string SourceKind, Guid SourceId, string Title, Guid? ReversesId, string? Reason, DateTimeOffset At, bool Reversed);
public sealed record ItemDto(Guid Id, string AreaCode, RedemptionCategory Category, string Name, string Description, int Price,
    int Stock, Guid MerchantId, string MerchantName, bool Active, int Version);
public sealed record RedemptionDto(Guid Id, Guid ItemId, string ItemName, Guid AccountId, string AreaCode, Guid MerchantId,
    int Price, string Code, RedemptionStatus Status, DateTimeOffset IssuedAt, DateTimeOffset? RedeemedAt, DateTimeOffset? CancelledAt);
public sealed record RuleDto(string Kind, int PointsPerUnit, int? CapPerDay, int? CapPerMonth, bool IsDefault, int Version);
public sealed record RowDto(int Rank, Guid AccountId, string Name, int Earned, int? Spent, int? Expired, int? Balance, bool Me);
public sealed record BoardDto(string AreaCode, string Period, List<RowDto> Top, RowDto? Mine);

/// <summary>A signed-in holder: their account id (the points account's key) and a client.</summary>
public sealed record Holder(Guid Id, string UserName, HttpClient Client);

/// <summary>
/// A district with two residents of community A (grid 1 and grid 2), one of community B, staff of A and of B, and two
/// merchants of A (a shop and the canteen) each with an account. Community A has a plain rule for micro-wishes (1 point
/// per unit, no caps), so <see cref="EarnAsync"/> can give any amount through the real projection.
/// </summary>
public sealed class PointsWorld
{
    public required TestApp App { get; init; }
    public required TestDistrict District { get; init; }
    public required Holder Resident { get; init; }
    public required Holder Neighbour { get; init; }
    public required Holder ResidentB { get; init; }
    public required HttpClient StaffA { get; init; }
    public required HttpClient StaffB { get; init; }
    public required Organisation Shop { get; init; }
    public required Organisation Canteen { get; init; }
    public required HttpClient ShopKeeper { get; init; }
    public required HttpClient CanteenKeeper { get; init; }

    public string CommunityA => District.CommunityA.AreaCode;
    public string CommunityB => District.CommunityB.AreaCode;

    public static async Task<PointsWorld> CreateAsync(TestApp app)
    {
        var district = await A.District(app);
        var shop = new Organisation { Id = Guid.NewGuid(), AreaCode = district.CommunityA.AreaCode, Name = "甲社区便民超市", Kind = OrganisationKind.Enterprise };
        var canteen = new Organisation { Id = Guid.NewGuid(), AreaCode = district.CommunityA.AreaCode, Name = "甲社区长者食堂", Kind = OrganisationKind.SocialOrganisation };
        await using (var db = app.Db())
        {
            db.Organisations.AddRange(shop, canteen);
            db.EarningRules.Add(new EarningRule
            {
                Id = Guid.NewGuid(), AreaCode = district.CommunityA.AreaCode, Kind = PointsEventKinds.WishFulfilled, PointsPerUnit = 1,
            });
            await db.SaveChangesAsync();
        }
        var gridsA = district.GridsOf(district.CommunityA).ToList();
        var inA1 = district.Residents.First(r => r.Entity.AreaCode == gridsA[0].AreaCode).Entity;
        var inA2 = district.Residents.First(r => r.Entity.AreaCode == gridsA[1].AreaCode).Entity;
        var inB = district.ResidentsOf(district.CommunityB).First().Entity;
        return new PointsWorld
        {
            App = app, District = district, Shop = shop, Canteen = canteen,
            Resident = await HolderAsync(app, Roles.Resident, A.SelfScope(inA1)),
            Neighbour = await HolderAsync(app, Roles.Resident, A.SelfScope(inA2)),
            ResidentB = await HolderAsync(app, Roles.Resident, A.SelfScope(inB)),
            StaffA = await app.ClientFor(await A.Account(app, Roles.CommunityStaff, A.AreaScope(district.CommunityA))),
            StaffB = await app.ClientFor(await A.Account(app, Roles.CommunityStaff, A.AreaScope(district.CommunityB))),
            ShopKeeper = await app.ClientFor(await A.Account(app, Roles.Merchant, A.UnitScope(shop.Id))),
            CanteenKeeper = await app.ClientFor(await A.Account(app, Roles.Merchant, A.UnitScope(canteen.Id))),
        };
    }

    public static async Task<Holder> HolderAsync(TestApp app, string role, params AccountScope[] scopes)
    {
        var name = await A.Account(app, role, scopes);
        await using var db = app.Db();
        var id = await db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync();
        return new Holder(id, name, await app.ClientFor(name));
    }

    /// <summary>Raises an event as another module would (its own SaveChanges); returns whether it was new.</summary>
    public async Task<bool> RaiseAsync(Guid account, string kind, Guid source, int quantity, string? community = null,
        DateTimeOffset? at = null, string title = "测试事件")
    {
        await using var db = App.Db();
        var added = await PointsEvents.RaiseAsync(db, kind, source, account, community ?? CommunityA, quantity, title,
            at ?? App.Clock.GetUtcNow(), CancellationToken.None);
        await db.SaveChangesAsync();
        return added;
    }

    public Task<int> ProjectAsync() => App.Services.GetRequiredService<PointsProjection>().RunOnceAsync(CancellationToken.None);

    /// <summary>Gives the holder <paramref name="points"/> in community A through a wish event and the projection.</summary>
    public async Task EarnAsync(Holder who, int points, string title = "帮助独居老人")
    {
        await RaiseAsync(who.Id, PointsEventKinds.WishFulfilled, Guid.NewGuid(), points, title: title);
        await ProjectAsync();
    }

    public async Task<ItemDto> ItemAsync(int price, int stock, Organisation? merchant = null, string name = "洗衣液一瓶",
        RedemptionCategory category = RedemptionCategory.PartnerShop)
    {
        var response = await StaffA.PostAsJsonAsync("/api/points/catalog", new
        {
            areaCode = CommunityA, category, name, description = "", price, stock, merchantId = (merchant ?? Shop).Id,
        }, Http.Json);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ItemDto>(Http.Json))!;
    }

    public static async Task<RedemptionDto> RedeemAsync(HttpClient who, Guid item)
    {
        var response = await who.PostAsync($"/api/points/catalog/{item}/redeem", null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<RedemptionDto>(Http.Json))!;
    }

    /// <summary>The ledger as stored, outside any scope: the balance cache and the sum of the entries.</summary>
    public async Task<(int Cached, int Sum, int Entries)> LedgerOf(Guid account)
    {
        await using var db = App.Db();
        var cached = await db.PointsAccounts.Where(a => a.Id == account).Select(a => a.Balance).SingleAsync();
        var entries = await db.PointsEntries.Where(e => e.AccountId == account).Select(e => e.Amount).ToListAsync();
        return (cached, entries.Sum(), entries.Count);
    }
}
