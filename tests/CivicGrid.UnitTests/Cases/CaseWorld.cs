using CivicGrid.Modules.Calendar.Domain;
using CivicGrid.Modules.Cases.Catalog;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Shared;

namespace CivicGrid.UnitTests.Cases;

/// <summary>
/// The grid, catalog item, units and people the <see cref="Case"/> unit tests act in (one community of one street), and
/// the first steps of the loop; each test builds its own case from them.
/// </summary>
static class CaseWorld
{
    public const string Grid = "370303001002003";
    public static readonly DateTimeOffset Monday10 = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero); // 10:00 China time
    public static readonly WorkingCalendar OfficialCalendar = new(Modules.Calendar.Data.OfficialCalendars.Load(), WorkingHours.Default);
    public static readonly CatalogItem Item = new()
    {
        Code = "0101", CategoryCode = "01", Name = "道路不洁", LeadDuty = "城管", OnTheSpotAllowed = true,
        ResponseLimit = TimeLimit.Parse("2h"), HandlingLimit = TimeLimit.Parse("1d"),
    };
    public static readonly UnitRef Cityscape = new(Guid.NewGuid(), "城管");
    public static readonly UnitRef Housing = new(Guid.NewGuid(), "住建");

    public static readonly Actor Resident = new(Guid.NewGuid(), "居民", DataScope.For([], [], null, Guid.NewGuid()));
    public static readonly Actor Community = new(Guid.NewGuid(), "社区", DataScope.For(["370303001002"], [], null));
    public static readonly Actor OtherCommunity = new(Guid.NewGuid(), "别的社区", DataScope.For(["370303001001"], [], null));
    public static readonly Actor Street = new(Guid.NewGuid(), "街道", DataScope.For(["370303001"], [], null));
    public static readonly Actor GridWorker = new(Guid.NewGuid(), "网格员", DataScope.For([Grid], [], null));
    public static readonly Actor CityscapeStaff = new(Guid.NewGuid(), "城管队员", DataScope.For([], [Cityscape.Id], null));
    public static readonly Actor HousingStaff = new(Guid.NewGuid(), "住建科员", DataScope.For([], [Housing.Id], null));
    public static readonly StoredFile Photo = new("a.jpg", "image/jpeg", 10, "2026/11/23/x.jpg");

    public static Case.Intake Intake(CaseSource source = CaseSource.Resident) =>
        new("370303-2026-000001", Grid, source, Item, "垃圾", 118, 36, "路口", CasePriority.Normal, "居民", []);

    public static Case Reported() => Case.Report(Intake(), Resident, Monday10);

    public static Case Dispatched(params UnitRef[] cooperating)
    {
        var c = Reported();
        Assert.Null(c.Accept(Community, null, Monday10));
        Assert.Null(c.Dispatch(Community, Cityscape, cooperating, false, Item, OfficialCalendar, null, Monday10));
        return c;
    }
}
