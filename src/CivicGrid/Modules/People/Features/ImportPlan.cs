using CivicGrid.Modules.Areas.Domain;
using CivicGrid.Modules.People.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.People.Features;

/// <summary>
/// Turns workbook rows into buildings, households and residents, row by row, through a DbContext limited to the
/// uploader's scope; remembers why each refused row was refused. Nothing is written here: the processor adds
/// <see cref="AddAcceptedTo"/> to its context and commits the accepted set at once.
/// </summary>
sealed class ImportPlan(CivicGridDbContext db, PersonalDataProtector protector, TimeProvider clock)
{
    static readonly Dictionary<string, string> TagsByChineseName = ResidentTags.ChineseNames.ToDictionary(kv => kv.Value, kv => kv.Key);

    readonly Dictionary<string, Area?> _grids = new();
    readonly Dictionary<(string Grid, string Name), Building> _buildings = new();
    readonly Dictionary<(Guid Building, string Unit, string Room), Household> _households = new();
    readonly HashSet<Guid> _stored = [];                 // buildings and households already in the database
    readonly Dictionary<string, int> _rowOfIdCard = new(); // ID hash → row number of the accepted row
    readonly List<(Resident Resident, Household Household, Building Building)> _accepted = [];

    public List<(ImportRow Row, string Reason)> Rejected { get; } = [];
    public int Accepted => _accepted.Count;
    public int Processed => Accepted + Rejected.Count;

    /// <summary>Validates a batch; the already-registered check is one query per batch instead of one per row.</summary>
    public async Task AddBatchAsync(IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        var candidates = new List<(ImportRow Row, Resident Resident, Household Household, Building Building)>();
        foreach (var row in rows)
        {
            var (reason, candidate) = await BuildAsync(row, ct);
            if (reason is not null) Rejected.Add((row, reason));
            else candidates.Add((row, candidate.Resident, candidate.Household, candidate.Building));
        }
        var hashes = candidates.Select(c => c.Resident.IdCardHash).ToList();
        // The ID number is the natural key across the whole platform, like RegisterResident's check.
        var taken = (await db.Residents.IgnoreQueryFilters([DataScope.FilterName])
            .Where(r => hashes.Contains(r.IdCardHash)).Select(r => r.IdCardHash).ToListAsync(ct)).ToHashSet();
        foreach (var c in candidates)
        {
            var hash = c.Resident.IdCardHash;
            if (taken.Contains(hash)) Rejected.Add((c.Row, ResidentErrors.IdCardTaken.Message));
            else if (_rowOfIdCard.TryGetValue(hash, out var first)) Rejected.Add((c.Row, $"身份证号与第{first}行重复。"));
            else { _rowOfIdCard[hash] = c.Row.Number; _accepted.Add((c.Resident, c.Household, c.Building)); }
        }
    }

    /// <summary>Adds the accepted residents and only the new buildings and households they live in.</summary>
    public void AddAcceptedTo(CivicGridDbContext target)
    {
        target.Buildings.AddRange(_accepted.Select(a => a.Building).Where(b => !_stored.Contains(b.Id)).DistinctBy(b => b.Id));
        target.Households.AddRange(_accepted.Select(a => a.Household).Where(h => !_stored.Contains(h.Id)).DistinctBy(h => h.Id));
        target.Residents.AddRange(_accepted.Select(a => a.Resident));
    }

    async Task<(string? Reason, (Resident Resident, Household Household, Building Building) Candidate)> BuildAsync(ImportRow row, CancellationToken ct)
    {
        var code = row[ImportSheet.GridCode];
        if (!AreaCode.TryParse(code, out var parsed) || parsed.Level != AreaLevel.Grid) return ("网格代码须为15位网格区划代码。", default);
        var grid = await GridAsync(parsed.Value, ct);
        // Outside the uploader's scope looks exactly like missing (DOMAIN.md §1).
        if (grid is null) return ("网格代码不存在或不在您的管辖范围内。", default);
        if (grid.IsRetired) return ("该网格已撤销，不能导入。", default);
        if (row[ImportSheet.Building] is not { } buildingName) return ("楼栋不能为空。", default);
        if (row[ImportSheet.Room] is not { } room) return ("房号不能为空。", default);

        var building = await BuildingAsync(grid, buildingName, ct);
        var household = HouseholdOf(building, row[ImportSheet.Unit] ?? "", room);
        var tags = (row[ImportSheet.Tags] ?? "").Split(ImportSheet.TagSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(t => TagsByChineseName.GetValueOrDefault(t, t)).ToArray();
        var request = new RegisterResident.Request(household.Id, row[ImportSheet.Name] ?? "", row[ImportSheet.IdCard] ?? "", row[ImportSheet.Phone],
            ResidenceTypeNames.Parse(row[ImportSheet.ResidenceType]) ?? default, row[ImportSheet.Relation], tags);
        var built = RegisterResident.Build(request, household, protector, clock);
        if (!built.IsError) return (null, (built.Value, household, building));
        return built.Error == ResidentErrors.UnknownTag
            ? ($"未知的人员标签：{string.Join("、", tags.Where(t => !ResidentTags.IsKnown(t)))}（可选：{string.Join("、", ResidentTags.ChineseNames.Values)}）。", default)
            : (built.Error!.Message, default);
    }

    async Task<Area?> GridAsync(string code, CancellationToken ct)
    {
        if (!_grids.TryGetValue(code, out var grid))
            _grids[code] = grid = await db.Areas.AsNoTracking().SingleOrDefaultAsync(a => a.AreaCode == code && a.Level == AreaLevel.Grid, ct);
        return grid;
    }

    async Task<Building> BuildingAsync(Area grid, string name, CancellationToken ct)
    {
        if (_buildings.TryGetValue((grid.AreaCode, name), out var building)) return building;
        building = await db.Buildings.AsNoTracking().OrderBy(b => b.Id).FirstOrDefaultAsync(b => b.AreaCode == grid.AreaCode && b.Name == name, ct);
        if (building is not null)
        {
            _stored.Add(building.Id);
            // One query loads every household of a stored building, so rows of the same building need no more.
            foreach (var h in await db.Households.AsNoTracking().Where(h => h.BuildingId == building.Id).ToListAsync(ct))
            {
                _stored.Add(h.Id);
                _households.TryAdd((building.Id, h.UnitNo, h.RoomNo), h);
            }
        }
        building ??= new Building { Id = Guid.NewGuid(), AreaCode = grid.AreaCode, Name = name, Address = grid.Name + name };
        return _buildings[(grid.AreaCode, name)] = building;
    }

    Household HouseholdOf(Building building, string unit, string room)
    {
        if (!_households.TryGetValue((building.Id, unit, room), out var household))
            _households[(building.Id, unit, room)] = household = new Household
            {
                Id = Guid.NewGuid(), AreaCode = building.AreaCode, BuildingId = building.Id, UnitNo = unit, RoomNo = room,
                Address = building.Address + unit + room + (room.EndsWith('室') ? "" : "室"),
            };
        return household;
    }
}
