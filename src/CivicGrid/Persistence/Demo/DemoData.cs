using System.Diagnostics;
using System.Threading.Channels;
using CivicGrid.Modules.Areas.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.People.Domain;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CivicGrid.Persistence.Demo;

public sealed record DemoResult(TimeSpan Elapsed, int Streets, int Communities, int Grids, int Buildings, int Households, int Residents, int Accounts)
{
    public int Cases { get; init; }
    internal DemoCoBuilding.Counts? CoBuilding { get; init; }
    public int PointsEntries { get; init; }

    public override string ToString() =>
        $"{Streets} streets, {Communities} communities, {Grids} grids, {Buildings} buildings, {Households} households, {Residents} residents, {Accounts} accounts, {Cases} cases, co-building {CoBuilding}, {PointsEntries} points entries";
}

/// <summary>
/// Builds a fictional city, 红岭市 (code 3799), in the seeds' proportions. Deterministic: the same size gives the same
/// city, names and ID numbers every time (seeded random). Grids tile each community without gaps.
/// </summary>
public static class DemoData
{
    public const string Password = "Demo@2026";
    public const string CityCode = "379900000000";
    public const string DistrictCode = "379902000000";
    const double West = 118.00, East = 118.48, South = 36.70, North = 36.94;
    static readonly GeometryFactory Geo = new(new PrecisionModel(), 4326);

    public static async Task<DemoResult> SeedAsync(IServiceProvider services, DemoSize size, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(20261123);
        var protector = services.GetRequiredService<PersonalDataProtector>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var db = SystemDb.Open(services);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        // Areas ---------------------------------------------------------------------------------------------------
        var city = AreaCode.Parse(CityCode);
        var district = AreaCode.Parse(DistrictCode);
        var areas = new List<Area>
        {
            new() { Id = Guid.CreateVersion7(), AreaCode = city.Value, Name = "红岭市", Level = AreaLevel.City },
            new() { Id = Guid.CreateVersion7(), AreaCode = district.Value, Name = "红岭区", Level = AreaLevel.District, ParentCode = city.Value },
        };
        var grids = new List<Area>();
        var communities = new List<Area>();
        var streets = new List<Area>();
        var streetCells = Split(new Envelope(West, East, South, North), size.Streets);
        for (var s = 0; s < size.Streets; s++)
        {
            var streetCode = district.Child(s + 1);
            var street = new Area { Id = Guid.CreateVersion7(), AreaCode = streetCode.Value, Name = DemoNames.StreetNames[s % DemoNames.StreetNames.Length] + "街道", Level = AreaLevel.Street, ParentCode = district.Value };
            streets.Add(street);
            var nCommunities = random.Next(size.CommunitiesMin, size.CommunitiesMax + 1);
            var communityCells = Split(streetCells[s], nCommunities);
            for (var c = 0; c < nCommunities; c++)
            {
                var communityCode = streetCode.Child(c + 1);
                var community = new Area
                {
                    Id = Guid.CreateVersion7(), AreaCode = communityCode.Value, Level = AreaLevel.Community, ParentCode = streetCode.Value,
                    Name = CommunityName(communities.Count),
                };
                communities.Add(community);
                var rows = random.Next(size.GridRowsMin, size.GridRowsMax + 1);
                var cols = random.Next(size.GridColsMin, size.GridColsMax + 1);
                var cell = communityCells[c];
                var serial = 0;
                for (var r = 0; r < rows; r++)
                    for (var k = 0; k < cols; k++)
                    {
                        serial++;
                        var env = new Envelope(
                            cell.MinX + cell.Width * k / cols, cell.MinX + cell.Width * (k + 1) / cols,
                            cell.MinY + cell.Height * r / rows, cell.MinY + cell.Height * (r + 1) / rows);
                        grids.Add(new Area
                        {
                            Id = Guid.CreateVersion7(), AreaCode = communityCode.Child(serial).Value, Level = AreaLevel.Grid,
                            ParentCode = communityCode.Value, Name = $"{community.Name[..^2]}第{serial}网格", Boundary = Rectangle(env),
                            Responsibilities = ["党建", "综治", "城管", "物业"],
                        });
                    }
            }
        }
        areas.AddRange(streets);
        areas.AddRange(communities);
        areas.AddRange(grids);
        db.Areas.AddRange(areas);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        // Organisations and party organisations -------------------------------------------------------------------
        var departments = DemoNames.Departments.Select(d => new Organisation
        { Id = Guid.CreateVersion7(), AreaCode = district.Value, Name = d.Name, Kind = OrganisationKind.Department, Address = "红岭区行政中心", Duty = d.Short }).ToList();
        var propertyCompanies = DemoNames.PropertyCompanies.Select((n, i) => new Organisation
        { Id = Guid.CreateVersion7(), AreaCode = district.Value, Name = n, Kind = OrganisationKind.PropertyCompany, Duty = "物业", Address = $"红岭区{DemoNames.RoadWords[i % DemoNames.RoadWords.Length]}{10 + i}号" }).ToList();
        var units = new List<Organisation>();
        foreach (var (street, i) in streets.Select((s, i) => (s, i)))
            for (var k = 0; k < 3; k++)
                units.Add(new Organisation
                {
                    Id = Guid.CreateVersion7(), AreaCode = street.AreaCode, Kind = k == 0 ? OrganisationKind.Agency : OrganisationKind.Enterprise,
                    Name = k == 0 ? $"{street.Name}办事处" : DemoNames.Enterprises[(i * 2 + k) % DemoNames.Enterprises.Length] + (i >= 9 ? $"{street.Name[..2]}分部" : ""),
                    Address = $"{street.Name[..2]}{DemoNames.RoadWords[(i + k) % DemoNames.RoadWords.Length]}{random.Next(1, 300)}号",
                });
        foreach (var unit in units) unit.Duty = unit.Kind == OrganisationKind.Agency ? "街道" : DemoNames.DutyOf(unit.Name);
        // Each community's residents' committee (居委会) handles what the catalog gives the community itself (邻里纠纷…).
        foreach (var community in communities)
            units.Add(new Organisation
            {
                Id = Guid.CreateVersion7(), AreaCode = community.AreaCode, Kind = OrganisationKind.Agency, Duty = "社区",
                Name = $"{community.Name}居民委员会", Address = $"{community.Name}便民服务中心",
            });
        foreach (var (community, i) in communities.Select((c, i) => (c, i)))
            units.Add(new Organisation
            {
                Id = Guid.CreateVersion7(), AreaCode = community.AreaCode, Kind = OrganisationKind.NewEconomy,
                Name = $"{community.Name[..^2]}{DemoNames.Couriers[i % DemoNames.Couriers.Length]}", Address = $"{community.Name}便民服务中心旁",
            });
        db.Organisations.AddRange(departments);
        db.Organisations.AddRange(propertyCompanies);
        db.Organisations.AddRange(units);

        var partyOrgs = new List<PartyOrganisation>();
        var branchByGrid = new Dictionary<string, PartyOrganisation>();
        foreach (var street in streets)
        {
            var committee = new PartyOrganisation { Id = Guid.CreateVersion7(), AreaCode = street.AreaCode, Name = $"中共红岭区{street.Name}工作委员会", Level = PartyOrganisationLevel.StreetWorkingCommittee };
            partyOrgs.Add(committee);
            foreach (var community in communities.Where(c => c.ParentCode == street.AreaCode))
            {
                var communityCommittee = new PartyOrganisation { Id = Guid.CreateVersion7(), AreaCode = community.AreaCode, Name = $"中共{community.Name}委员会", Level = PartyOrganisationLevel.CommunityCommittee, ParentId = committee.Id };
                partyOrgs.Add(communityCommittee);
                // DOMAIN.md §11: Zibo has 2,778 grid party branches over 4,327 grids (~64%).
                foreach (var grid in grids.Where(g => g.ParentCode == community.AreaCode && random.NextDouble() < 0.64))
                {
                    var branch = new PartyOrganisation { Id = Guid.CreateVersion7(), AreaCode = grid.AreaCode, Name = $"{grid.Name}党支部", Level = PartyOrganisationLevel.GridBranch, ParentId = communityCommittee.Id };
                    partyOrgs.Add(branch);
                    branchByGrid[grid.AreaCode] = branch;
                }
            }
        }
        db.PartyOrganisations.AddRange(partyOrgs);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        // Compounds, buildings, households, residents ---------------------------------------------------------------
        // Written in bulk (BulkInsert), a batch of grids at a time so that a city never sits in memory, all in one
        // transaction so that a failed run leaves no half-built city behind. One thread generates (in order, so the
        // data stays deterministic) while this one writes the previous batch. Ids are time-ordered (version 7), so
        // primary- and foreign-key index inserts land at the end of their indexes instead of all over them (docs/adr/0005).
        var ids = new HashSet<string>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // SQLite's default 2 MB page cache makes each index insert of a large load read pages back from the file
        // (3× slower for the district, docs/adr/0005): widen it for the load, allocated only as pages are used.
        var sqlite = db.Database.IsSqlite();
        if (sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -524288", ct);
        int buildingCount = 0, householdCount = 0, residentCount = 0;
        Resident? firstResident = null, volunteerResident = null;
        var batches = Channel.CreateBounded<Batch>(1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var generating = Task.Run(async () =>
        {
            try
            {
                await GenerateAsync();
                batches.Writer.Complete();
            }
            catch (Exception e)
            {
                batches.Writer.Complete(e);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var full in batches.Reader.ReadAllAsync(ct)) await full.WriteAsync(db, ct);
        }
        finally
        {
            await stop.CancelAsync();
            await generating;
        }
        await transaction.CommitAsync(ct);
        // Back to SQLite's default, so the pooled connection gives the memory back.
        if (sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000", ct);

        var accounts = await DemoAccounts.CreateAsync(services, db, streets, communities, grids, departments, propertyCompanies, units,
            firstResident!, volunteerResident!, ct);
        var cases = await DemoCases.SeedAsync(services, size, ct);
        var coBuilding = await DemoCoBuilding.SeedAsync(services, ct);
        await DemoVolunteering.SeedAsync(services, ct); // before the points: its check-outs and wishes raise events the points demo projects
        var points = await DemoPoints.SeedAsync(services, ct);
        return new DemoResult(clock.Elapsed, streets.Count, communities.Count, grids.Count, buildingCount, householdCount, residentCount, accounts)
        {
            Cases = cases, CoBuilding = coBuilding, PointsEntries = points,
        };

        async Task GenerateAsync()
        {
            var batch = new Batch();
            var gridIndex = 0;
            foreach (var grid in grids)
            {
                var compound = new Compound
                {
                    Id = Guid.CreateVersion7(), AreaCode = grid.AreaCode, Name = CompoundName(gridIndex),
                    Address = $"{DemoNames.RoadWords[gridIndex % DemoNames.RoadWords.Length]}{random.Next(1, 400)}号",
                    PropertyCompanyId = propertyCompanies[gridIndex % propertyCompanies.Count].Id,
                };
                batch.Compounds.Add(compound);
                var env = grid.Boundary!.EnvelopeInternal;
                for (var b = 1; b <= size.BuildingsPerGrid; b++)
                {
                    var building = new Building
                    {
                        Id = Guid.CreateVersion7(), AreaCode = grid.AreaCode, CompoundId = compound.Id, Name = $"{b}号楼",
                        Address = $"{compound.Address}{compound.Name}{b}号楼", Floors = size.Floors,
                        Longitude = env.MinX + env.Width * (0.15 + 0.7 * random.NextDouble()),
                        Latitude = env.MinY + env.Height * (0.15 + 0.7 * random.NextDouble()),
                    };
                    batch.Buildings.Add(building);
                    buildingCount++;
                    for (var u = 1; u <= size.UnitsPerBuilding; u++)
                        for (var f = 1; f <= size.Floors; f++)
                            for (var r = 1; r <= size.RoomsPerFloor; r++)
                            {
                                var room = $"{f}{r:D2}";
                                var household = new Household
                                {
                                    Id = Guid.CreateVersion7(), AreaCode = grid.AreaCode, BuildingId = building.Id, UnitNo = $"{u}单元", RoomNo = room,
                                    Address = $"{building.Address}{u}单元{room}室", Vacant = random.NextDouble() < 0.06,
                                };
                                batch.Households.Add(household);
                                householdCount++;
                                if (household.Vacant) continue;
                                foreach (var resident in Family(household, random, ids, protector, now))
                                {
                                    batch.Residents.Add(resident);
                                    residentCount++;
                                    firstResident ??= resident;
                                    if (resident.RelationToHead == "户主" && random.NextDouble() < 0.35)
                                        batch.Vehicles.Add(new Vehicle
                                        {
                                            Id = Guid.CreateVersion7(), AreaCode = grid.AreaCode, OwnerResidentId = resident.Id,
                                            PlateNumber = $"鲁C{"ABCDEFGHJK"[random.Next(10)]}{random.Next(10000, 99999)}",
                                        });
                                    if (volunteerResident is null && resident != firstResident && resident.RelationToHead == "户主") volunteerResident = resident;
                                    if (resident.Tags.Contains(ResidentTags.PartyMember) && branchByGrid.TryGetValue(grid.AreaCode, out var branch))
                                        batch.PartyMembers.Add(new PartyMember
                                        {
                                            Id = Guid.CreateVersion7(), AreaCode = grid.AreaCode, PartyOrganisationId = branch.Id, ResidentId = resident.Id,
                                            Name = resident.Name, InService = random.NextDouble() < 0.4, JoinedOn = resident.BirthDate.AddYears(random.Next(20, 40)),
                                        });
                                }
                            }
                }
                if (batch.Households.Count >= 20_000)
                {
                    await batches.Writer.WriteAsync(batch, stop.Token);
                    batch = new Batch();
                }
                gridIndex++;
            }
            await batches.Writer.WriteAsync(batch, stop.Token);
        }
    }

    /// <summary>The rows of the grids generated since the last write; parents are written before the rows that refer to them.</summary>
    sealed class Batch
    {
        public List<Compound> Compounds { get; } = [];
        public List<Building> Buildings { get; } = [];
        public List<Household> Households { get; } = [];
        public List<Resident> Residents { get; } = [];
        public List<Vehicle> Vehicles { get; } = [];
        public List<PartyMember> PartyMembers { get; } = [];

        public async Task WriteAsync(CivicGridDbContext db, CancellationToken ct)
        {
            await BulkInsert.WriteAsync(db, Compounds, ct);
            await BulkInsert.WriteAsync(db, Buildings, ct);
            await BulkInsert.WriteAsync(db, Households, ct);
            await BulkInsert.WriteAsync(db, Residents, ct);
            await BulkInsert.WriteAsync(db, Vehicles, ct);
            await BulkInsert.WriteAsync(db, PartyMembers, ct);
        }
    }

    static IEnumerable<Resident> Family(Household household, Random random, HashSet<string> ids, PersonalDataProtector protector, DateTimeOffset now)
    {
        var surname = DemoNames.Surnames[random.Next(DemoNames.Surnames.Length)];
        var headAge = random.Next(25, 88);
        var size = headAge > 72 ? random.Next(1, 3) : random.Next(1, 5);
        var type = random.NextDouble() switch { < 0.72 => ResidenceType.Registered, < 0.9 => ResidenceType.Permanent, _ => ResidenceType.Floating };
        for (var i = 0; i < size; i++)
        {
            var (relation, age, male) = i switch
            {
                0 => ("户主", headAge, random.NextDouble() < 0.55),
                1 => ("配偶", Math.Clamp(headAge + random.Next(-4, 5), 20, 95), random.NextDouble() < 0.45),
                _ => ("子女", Math.Max(1, headAge - random.Next(22, 35)), random.NextDouble() < 0.5),
            };
            var first = male ? DemoNames.MaleChars : DemoNames.FemaleChars;
            var name = (i == 1 ? DemoNames.Surnames[random.Next(DemoNames.Surnames.Length)] : surname)
                       + first[random.Next(first.Length)] + (random.NextDouble() < 0.6 ? first[random.Next(first.Length)] : "");
            var id = NewIdNumber(random, ids, now.Year - age, male);
            var tags = new List<string>();
            if (age >= 70 && size == 1) tags.Add(ResidentTags.ElderlyAlone);
            if (random.NextDouble() < 0.015) tags.Add(ResidentTags.Disabled);
            if (random.NextDouble() < 0.02) tags.Add(ResidentTags.LowIncome);
            if (male && age > 30 && random.NextDouble() < 0.03) tags.Add(ResidentTags.Veteran);
            if (age >= 22 && random.NextDouble() < 0.07) tags.Add(ResidentTags.PartyMember);
            var resident = new Resident
            {
                Id = Guid.CreateVersion7(), AreaCode = household.AreaCode, HouseholdId = household.Id, Name = name, ResidenceType = type,
                RelationToHead = relation, Tags = tags, CreatedAt = now,
            };
            resident.SetIdCard(id, protector);
            resident.SetPhone(age >= 14 ? $"1{"35789"[random.Next(5)]}{random.Next(0, 1_000_000_000):D9}" : null, protector);
            yield return resident;
        }
    }

    static string NewIdNumber(Random random, HashSet<string> taken, int birthYear, bool male)
    {
        while (true)
        {
            var birth = new DateOnly(birthYear, 1, 1).AddDays(random.Next(0, 365));
            var seq = random.Next(0, 500) * 2 + (male ? 1 : 0);
            var first17 = $"379902{birth:yyyyMMdd}{seq:D3}";
            var id = first17 + IdCardNumber.CheckCharFor(first17);
            if (taken.Add(id)) return id;
        }
    }

    /// <summary>丽景苑, 幸福家园…: a word and a suffix that never repeat the community's own word in one address.</summary>
    static string CompoundName(int gridIndex)
    {
        var words = DemoNames.CommunityWords;
        string[] suffixes = ["苑", "家园", "小区", "花园", "公寓", "新城"];
        return words[(gridIndex * 7 + 3) % words.Length] + suffixes[gridIndex / words.Length % suffixes.Length];
    }

    static string CommunityName(int index)
    {
        var words = DemoNames.CommunityWords;
        return words[index % words.Length] + (index >= words.Length ? $"{index / words.Length + 1}" : "") + "社区";
    }

    static Polygon Rectangle(Envelope e) => Geo.CreatePolygon(
    [
        new Coordinate(Math.Round(e.MinX, 7), Math.Round(e.MinY, 7)), new Coordinate(Math.Round(e.MaxX, 7), Math.Round(e.MinY, 7)),
        new Coordinate(Math.Round(e.MaxX, 7), Math.Round(e.MaxY, 7)), new Coordinate(Math.Round(e.MinX, 7), Math.Round(e.MaxY, 7)),
        new Coordinate(Math.Round(e.MinX, 7), Math.Round(e.MinY, 7)),
    ]);

    /// <summary>Cuts a rectangle into n cells that tile it exactly: rows of near-equal cells.</summary>
    static List<Envelope> Split(Envelope e, int n)
    {
        var rows = (int)Math.Round(Math.Sqrt(n * e.Height / e.Width));
        rows = Math.Clamp(rows, 1, n);
        var cells = new List<Envelope>();
        var remaining = n;
        for (var r = 0; r < rows; r++)
        {
            var inRow = (int)Math.Ceiling(remaining / (double)(rows - r));
            remaining -= inRow;
            for (var k = 0; k < inRow; k++)
                cells.Add(new Envelope(
                    e.MinX + e.Width * k / inRow, e.MinX + e.Width * (k + 1) / inRow,
                    e.MinY + e.Height * r / rows, e.MinY + e.Height * (r + 1) / rows));
        }
        return cells;
    }
}
