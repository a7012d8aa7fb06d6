using CivicGrid.Modules.Areas.Domain;
using CivicGrid.Modules.CoBuilding.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.People.Domain;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Persistence.Demo;

/// <summary>
/// Co-building in the seeds' proportions (DOMAIN.md §11: Zibo pairs 1,119 units with 293 communities, ~3.8 each; 276
/// alliances for 293 communities; 3,000+ projects): per community four paired units and a 大党委, per street a 大工委,
/// a year of quarterly joint meetings and grid councils, resources, needs in every state, three projects a community
/// with milestones (some late, for the sweep to flag), and contracts for the first half-year with some pairs behind in
/// the second. Made through the domain's own methods, so states are ones the API could reach. Demo unit accounts
/// unit2 and unit3 join unit1 (DemoAccounts) with the same password.
/// </summary>
static class DemoCoBuilding
{
    static readonly string[] UnitNames = ["市第一人民医院", "区实验中学", "国网红岭供电公司", "红岭农商银行", "区人民法院", "市自来水公司",
        "区税务局", "齐鲁建设集团", "区妇幼保健院", "红岭职业学院", "区消防救援大队", "中国移动红岭分公司", "区司法局", "红岭日报社"];

    static readonly (string Category, string Title, string Capacity)[] Resources =
    [
        ("venue", "党员活动室", "可容纳60人"), ("medical", "周六义诊", "每月2次，医生3名"), ("funds", "共建资金", "每年3万元"),
        ("vehicle", "应急运输车辆", "厢式货车2辆"), ("volunteer", "党员志愿服务队", "20人"), ("education", "四点半课堂辅导", "教师4名"),
        ("goods", "防汛物资", "沙袋500个"), ("legal", "法律咨询", "每周三下午"), ("culture", "文艺演出", "每季度1场"),
    ];

    static readonly (string Category, string Title, NeedUrgency Urgency)[] Needs =
    [
        ("venue", "老年人活动场地", NeedUrgency.Normal), ("medical", "独居老人健康体检", NeedUrgency.High), ("funds", "楼道照明改造资金", NeedUrgency.Normal),
        ("vehicle", "冬季清雪运输", NeedUrgency.Urgent), ("volunteer", "周末文明劝导", NeedUrgency.Low), ("education", "假期学生托管", NeedUrgency.High),
        ("goods", "困难家庭过冬物资", NeedUrgency.Urgent), ("legal", "邻里纠纷法律援助", NeedUrgency.Normal), ("culture", "重阳节文艺活动", NeedUrgency.Low),
    ];

    static readonly string[] ProjectTitles = ["口袋公园改造", "老旧小区加装电梯协调", "长者食堂共建", "红色物业示范", "社区书屋", "停车位挖潜", "雨污分流宣传", "智慧安防"];

    public sealed record Counts(int Alliances, int Units, int Meetings, int Resources, int Needs, int Projects, int Contracts);

    public static async Task<Counts> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var random = new Random(2026_04);
        await using var db = SystemDb.Open(services);
        var areas = await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Street || a.Level == AreaLevel.Community || a.Level == AreaLevel.Grid)
            .OrderBy(a => a.AreaCode).ToListAsync(ct);
        var streets = areas.Where(a => a.Level == AreaLevel.Street).ToList();
        var communities = areas.Where(a => a.Level == AreaLevel.Community).ToList();
        var gridsOf = areas.Where(a => a.Level == AreaLevel.Grid && a.Boundary != null).GroupBy(a => a.ParentCode!).ToDictionary(g => g.Key, g => g.ToList());
        var orgs = await db.Organisations.AsNoTracking().ToListAsync(ct);
        if (communities.Count == 0) return new(0, 0, 0, 0, 0, 0, 0);

        // Paired units: four per community, new ones beside the street's own.
        var paired = new Dictionary<string, List<Organisation>>();
        var newUnits = new List<Organisation>();
        foreach (var (c, i) in communities.Select((c, i) => (c, i)))
        {
            var list = new List<Organisation>();
            for (var k = 0; k < 4; k++)
            {
                var name = UnitNames[(i * 4 + k) % UnitNames.Length];
                var unit = new Organisation
                {
                    Id = Guid.CreateVersion7(), AreaCode = c.AreaCode, Name = $"{name}（{c.Name[..^2]}联络点）",
                    Kind = name.Contains("医院") || name.Contains("保健") ? OrganisationKind.Hospital : name.Contains("学") ? OrganisationKind.School
                        : name.Contains("局") || name.Contains("法院") || name.Contains("大队") ? OrganisationKind.Agency : OrganisationKind.Enterprise,
                    Address = $"{c.Name}{DemoNames.RoadWords[(i + k) % DemoNames.RoadWords.Length]}{random.Next(1, 300)}号",
                };
                newUnits.Add(unit);
                list.Add(unit);
            }
            // The street's enterprises are paired with its first community (unit1's enterprise among them).
            var street = c.ParentCode!;
            if (communities.First(x => x.ParentCode == street) == c)
                list.InsertRange(0, orgs.Where(o => o.AreaCode == street && o.Kind == OrganisationKind.Enterprise));
            paired[c.AreaCode] = list;
        }
        db.Organisations.AddRange(newUnits);

        // Alliances: a 大党委 per community, a 大工委 per street.
        var alliances = new List<Alliance>();
        var communityAlliance = new Dictionary<string, Alliance>();
        foreach (var c in communities)
        {
            var a = new Alliance { Id = Guid.CreateVersion7(), AreaCode = c.AreaCode, Level = AllianceLevel.Community, Name = $"{c.Name}大党委", CreatedAt = now.AddDays(-300) };
            foreach (var u in paired[c.AreaCode]) a.AddMember(u.Id, now.AddDays(-300));
            foreach (var (u, k) in paired[c.AreaCode].Take(2).Select((u, k) => (u, k)))
                a.Committee.Add(new CommitteeMember { Id = Guid.CreateVersion7(), AllianceId = a.Id, UnitId = u.Id, Post = k == 0 ? "兼职副书记" : "兼职委员", Name = PersonName(random) });
            alliances.Add(a);
            communityAlliance[c.AreaCode] = a;
        }
        foreach (var s in streets)
        {
            var a = new Alliance { Id = Guid.CreateVersion7(), AreaCode = s.AreaCode, Level = AllianceLevel.Street, Name = $"{s.Name}大工委", CreatedAt = now.AddDays(-320) };
            foreach (var u in orgs.Where(o => o.AreaCode == s.AreaCode)) a.AddMember(u.Id, now.AddDays(-320));
            foreach (var c in communities.Where(c => c.ParentCode == s.AreaCode)) a.AddMember(paired[c.AreaCode].Last().Id, now.AddDays(-320));
            alliances.Add(a);
        }
        db.Alliances.AddRange(alliances);

        // Demo unit accounts: unit2 and unit3 act for two of the first community's paired units.
        var first = communities.First();
        var users = services.GetRequiredService<UserManager<Account>>();
        var accountIds = new Dictionary<Guid, Guid>();
        foreach (var (userName, unit) in new[] { ("unit2", paired[first.AreaCode][^1]), ("unit3", paired[first.AreaCode][^2]) })
        {
            if (await users.FindByNameAsync(userName) is not null) continue;
            var account = new Account { Id = Guid.NewGuid(), UserName = userName, DisplayName = $"{unit.Name} 党建联络员" };
            var created = await users.CreateAsync(account, DemoData.Password);
            if (!created.Succeeded) throw new InvalidOperationException($"Demo account {userName}: {string.Join(", ", created.Errors.Select(e => e.Code))}");
            await users.AddToRoleAsync(account, Roles.CoBuildingUnit);
            db.AccountScopes.Add(new AccountScope { Id = Guid.NewGuid(), AccountId = account.Id, Kind = ScopeKind.Unit, UnitId = unit.Id });
            accountIds[unit.Id] = account.Id;
        }
        // Their liaison sits on the committee with the account, so attending earns points.
        foreach (var (unitId, accountId) in accountIds)
            communityAlliance[first.AreaCode].Committee.Add(new CommitteeMember
            {
                Id = Guid.CreateVersion7(), AllianceId = communityAlliance[first.AreaCode].Id, UnitId = unitId, AccountId = accountId, Post = "兼职委员", Name = PersonName(random),
            });

        // Meetings: quarterly joint meetings with the chair in turn, and grid councils; past ones final.
        var meetings = 0;
        foreach (var c in communities)
        {
            var a = communityAlliance[c.AreaCode];
            Guid? chair = null;
            for (var q = 3; q >= 0; q--)
            {
                var at = now.AddDays(-q * 90 - 10).AddHours(-now.Hour + 1);
                chair = a.NextChair(chair);
                var m = new Meeting { Id = Guid.CreateVersion7(at), AllianceId = a.Id, AreaCode = c.AreaCode, Kind = MeetingKind.JointMeeting, RecordedAt = at };
                var people = a.Committee.Select(x => new Meeting.Participant(x.Name, x.UnitId, x.AccountId, random.Next(10) < 8))
                    .Concat(a.Members.Where(x => a.Committee.All(y => y.UnitId != x.UnitId)).Select(x => new Meeting.Participant(Name(orgs, newUnits, x.UnitId), x.UnitId, null, random.Next(10) < 7)))
                    .ToList();
                m.Edit($"第{4 - q}季度联席会议", at, $"{c.Name}党群服务中心", chair, "", "1. 通报上季度共建项目进展\n2. 研究需求清单认领\n3. 议定下阶段工作",
                    "各成员单位按认领清单推进；下次会议由下一成员单位轮值主持。", people, at);
                if (q > 0)
                {
                    var attended = m.Finalise(at.AddHours(3)).Value;
                    foreach (var account in attended)
                        await PointsEvents.RaiseAsync(db, PointsEventKinds.MeetingAttended, m.Id, account, m.PointsAreaCode, 1, m.Topic, at.AddHours(3), ct);
                }
                db.Meetings.Add(m);
                meetings++;
            }
            if (gridsOf.TryGetValue(c.AreaCode, out var cg) && cg.Count > 0)
            {
                var grid = cg[random.Next(cg.Count)];
                var at = now.AddDays(-random.Next(5, 60));
                var m = new Meeting { Id = Guid.CreateVersion7(at), AreaCode = grid.AreaCode, Kind = random.Next(3) == 0 ? MeetingKind.RoundTable : MeetingKind.GridCouncil, RecordedAt = at };
                m.Edit(random.Next(2) == 0 ? "小区停车难议事" : "楼道堆物清理议事", at, $"{grid.Name}议事点", null, "网格长", "听取居民意见，商定解决办法",
                    "由物业牵头、网格员配合，两周内完成整改。", [new("居民代表" + PersonName(random), null, null, true), new("物业代表", null, null, true)], at);
                m.Finalise(at.AddHours(2));
                db.Meetings.Add(m);
                meetings++;
            }
        }

        // Resources: two per paired unit, near the community.
        var resources = 0;
        var needCount = 0;
        foreach (var c in communities)
        {
            if (!gridsOf.TryGetValue(c.AreaCode, out var cg) || cg.Count == 0) continue;
            (double, double) Spot()
            {
                var env = cg[random.Next(cg.Count)].Boundary!.EnvelopeInternal;
                return (env.MinX + env.Width * (0.2 + 0.6 * random.NextDouble()), env.MinY + env.Height * (0.2 + 0.6 * random.NextDouble()));
            }
            string GridAt(double lon, double lat) => cg.FirstOrDefault(g => g.Boundary!.EnvelopeInternal.Contains(lon, lat))?.AreaCode ?? c.AreaCode;
            foreach (var (u, k) in paired[c.AreaCode].Select((u, k) => (u, k)))
                for (var r = 0; r < 2; r++)
                {
                    var spec = Resources[(k * 2 + r + communities.IndexOf(c) % 3) % Resources.Length];
                    var (lon, lat) = Spot();
                    var from = now.AddDays(random.Next(-60, 20));
                    db.CoBuildingResources.Add(new Resource
                    {
                        Id = Guid.CreateVersion7(), UnitId = u.Id, AreaCode = GridAt(lon, lat), Category = spec.Category, Title = spec.Title, Capacity = spec.Capacity,
                        Description = $"{u.Name}面向共建社区提供", Longitude = lon, Latitude = lat, Address = u.Address, AvailableFrom = from,
                        AvailableUntil = random.Next(3) == 0 ? null : from.AddDays(random.Next(60, 240)), PublishedAt = now.AddDays(-random.Next(1, 90)),
                    });
                    resources++;
                }
            // Needs: five per community, in every state.
            for (var n = 0; n < 5; n++)
            {
                var spec = Needs[(n + communities.IndexOf(c)) % Needs.Length];
                var (lon, lat) = Spot();
                var need = new Need
                {
                    Id = Guid.CreateVersion7(), AreaCode = GridAt(lon, lat), Category = spec.Category, Title = spec.Title, Urgency = spec.Urgency,
                    Description = $"{c.Name}居民反映较多，需共建单位支持", Longitude = lon, Latitude = lat, Address = $"{c.Name}{DemoNames.RoadWords[n % DemoNames.RoadWords.Length]}",
                    Status = NeedStatus.Open, PublishedAt = now.AddDays(-random.Next(1, 120)),
                };
                var claimer = paired[c.AreaCode][random.Next(paired[c.AreaCode].Count)].Id;
                switch (n)
                {
                    case 1: need.Claim(claimer, "我单位可以承接", need.PublishedAt.AddDays(2)); break;
                    case 2: case 3: need.Claim(claimer, "我单位可以承接", need.PublishedAt.AddDays(1)); need.Confirm(need.PublishedAt.AddDays(3)); break;
                }
                db.CoBuildingNeeds.Add(need);
                needCount++;
            }
        }

        // Projects: three a community for this year; most claimed and under way, some finished and scored.
        var projects = 0;
        var (_, after) = await DemoPhotos.StoreAsync(services.GetRequiredService<Shared.Files.IFileStore>(), ct);
        ProjectPhoto[] Proof() => [new() { Id = Guid.CreateVersion7(), FileName = "完工照片.jpg", ContentType = after.ContentType, Size = after.Size, StorageKey = after.StorageKey }];
        var year = now.ToOffset(TimeSpan.FromHours(8)).Year;
        foreach (var (c, i) in communities.Select((c, i) => (c, i)))
            for (var p = 0; p < 3; p++)
            {
                var created = now.AddDays(-random.Next(150, 300));
                var project = new Project
                {
                    Id = Guid.CreateVersion7(), AreaCode = c.AreaCode, Year = year, Title = ProjectTitles[(i + p) % ProjectTitles.Length], Category = Resources[(i + p) % Resources.Length].Category,
                    Description = "大党委年度共建项目", Status = ProjectStatus.Open, CreatedAt = created,
                };
                if (p > 0 || i % 3 != 0)
                {
                    project.ClaimBy(paired[c.AreaCode][(i + p) % paired[c.AreaCode].Count].Id, created.AddDays(7));
                    var start = created.AddDays(10);
                    project.PlanWith("调研—方案—实施—验收，倒排工期推进", [new("完成调研", start.AddDays(30)), new("方案确定", start.AddDays(90)), new("实施完成", start.AddDays(random.Next(150, 330)))], start);
                    project.ReportProgress("已完成入户调研，形成问题清单", project.Milestones[0].Id, "党建联络员", [], start.AddDays(28));
                    if (random.Next(3) > 0) project.ReportProgress("方案经大党委会议审议通过", project.Milestones[1].Id, "党建联络员", [], start.AddDays(random.Next(80, 120)));
                    if (p == 2 && i % 2 == 0 && project.Milestones.All(m => m.Due < now))
                    {
                        project.Complete("项目已完工，居民满意", "党建联络员", Proof(), now.AddDays(-5));
                        project.Evaluate(80 + random.Next(20), "按计划完成，成效明显", "社区书记", now.AddDays(-2));
                    }
                }
                db.CoBuildingProjects.Add(project);
                projects++;
            }

        // Contracts: most pairs signed in the first half; about a third are still behind in the second.
        var contracts = 0;
        var h2 = HalfYear.At(now);
        var h1 = h2.Half == 2 ? new HalfYear(h2.Year, 1) : new HalfYear(h2.Year - 1, 2);
        foreach (var c in communities)
            foreach (var u in paired[c.AreaCode])
            {
                if (random.Next(10) < 9) { db.CoBuildingContracts.Add(Contract(c, u, h1.Start.AddDays(random.Next(10, 150)), now)); contracts++; }
                if (random.Next(3) > 0) { db.CoBuildingContracts.Add(Contract(c, u, h2.Start.AddDays(random.Next(0, 100)), now)); contracts++; }
            }

        await db.SaveChangesAsync(ct);
        return new(alliances.Count, newUnits.Count, meetings, resources, needCount, projects, contracts);
    }

    static Contract Contract(Area community, Organisation unit, DateOnly on, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), AreaCode = community.AreaCode, UnitId = unit.Id, Title = $"{community.Name}与{unit.Name}共建契约",
        Terms = "资源共享、活动共办、难题共解：每季度至少开展一次共建活动", SignedOn = on, RecordedAt = now,
    };

    static string Name(List<Organisation> a, List<Organisation> b, Guid id) => a.Concat(b).First(o => o.Id == id).Name;

    static string PersonName(Random random) =>
        DemoNames.Surnames[random.Next(DemoNames.Surnames.Length)] + DemoNames.MaleChars[random.Next(DemoNames.MaleChars.Length)] + DemoNames.FemaleChars[random.Next(DemoNames.FemaleChars.Length)];
}
