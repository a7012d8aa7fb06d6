using System.Net.Http.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Areas.Domain;
using CivicGrid.Modules.Cases.Catalog;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.People.Domain;

namespace CivicGrid.IntegrationTests.Cases;

public sealed record CaseDto(Guid Id, string Number, CaseStatus Status, string StatusText, CaseSource Source, string ItemCode,
    string AreaCode, CaseLevel Level, string Light, bool Supervised, bool Whistled, int ReturnCount, int ReopenCount, int Version,
    DateTimeOffset? HandlingDue);
public sealed record AssignmentDto(Guid UnitId, string UnitName, AssignmentRole Role, DateTimeOffset? SignedAt, bool Active);
public sealed record AttachmentDto(Guid Id, string FileName, string ContentType, long Size, string Url);
public sealed record HistoryDto(int Seq, string ActorName, CaseAction Action, CaseStatus? From, CaseStatus To, string? Comment,
    string? UnitName, List<AttachmentDto> Attachments, CaseNote? Note = null, string[]? NoteArguments = null);
public sealed record CaseDetailDto(CaseDto Case, string ReporterName, string? ReporterPhone, bool OnTheSpot, int EscalationCount,
    int? PendingExtensionDays, bool? Solved, Satisfaction? Rating, Guid? MergedIntoId, List<AssignmentDto> Assignments,
    List<HistoryDto> History, string GridName, string CommunityName, string StreetName);
public sealed record UploadedDto(Guid Id, string FileName, string ContentType, long Size);

/// <summary>
/// A district with what the loop needs: a catalog item of its own, two departments, and a signed-in client per role —
/// a resident, community A's staff, street 1's staff, grid 1 of A's worker, each department's staff, and community B's staff.
/// </summary>
public sealed class CaseWorld
{
    static int _items;

    public required TestApp App { get; init; }
    public required TestDistrict District { get; init; }
    public required CatalogItem Item { get; init; }
    public required Organisation Cityscape { get; init; }
    public required Organisation Housing { get; init; }
    public required HttpClient Resident { get; init; }
    public required HttpClient OtherResident { get; init; }
    public required HttpClient CommunityA { get; init; }
    public required HttpClient CommunityB { get; init; }
    public required HttpClient Street1 { get; init; }
    public required HttpClient GridWorker { get; init; }
    public required HttpClient CityscapeStaff { get; init; }
    public required HttpClient HousingStaff { get; init; }

    public Area Grid => District.GridsOf(District.CommunityA).First();

    public static async Task<CaseWorld> CreateAsync(TestApp app, string responseLimit = "4h", string handlingLimit = "3d", bool onTheSpot = true)
    {
        var district = await A.District(app);
        var n = Interlocked.Increment(ref _items);
        var item = new CatalogItem
        {
            Code = $"97{n % 100:D2}", CategoryCode = "97", Name = $"测试事项{n}", LeadDuty = "城管", CooperatingDuties = ["住建"],
            OnTheSpotAllowed = onTheSpot, ResponseLimit = TimeLimit.Parse(responseLimit), HandlingLimit = TimeLimit.Parse(handlingLimit),
        };
        var cityscape = new Organisation { Id = Guid.NewGuid(), AreaCode = district.Code, Name = "测试综合行政执法局", Kind = OrganisationKind.Department, Duty = "城管" };
        var housing = new Organisation { Id = Guid.NewGuid(), AreaCode = district.Code, Name = "测试住房和城乡建设局", Kind = OrganisationKind.Department, Duty = "住建" };
        await using (var db = app.Db())
        {
            if (await db.CatalogCategories.FindAsync("97") is null) db.CatalogCategories.Add(new CatalogCategory { Code = "97", Name = "测试大类" });
            if (await db.CatalogItems.FindAsync(item.Code) is { } old) db.CatalogItems.Remove(old);
            await db.SaveChangesAsync();
            db.CatalogItems.Add(item);
            db.Organisations.AddRange(cityscape, housing);
            await db.SaveChangesAsync();
        }
        var grid = district.GridsOf(district.CommunityA).First();
        async Task<HttpClient> Client(string role, params AccountScope[] scopes) => await app.ClientFor(await A.Account(app, role, scopes));
        return new CaseWorld
        {
            App = app, District = district, Item = item, Cityscape = cityscape, Housing = housing,
            Resident = await Client(Roles.Resident),
            OtherResident = await Client(Roles.Resident),
            CommunityA = await Client(Roles.CommunityStaff, A.AreaScope(district.CommunityA)),
            CommunityB = await Client(Roles.CommunityStaff, A.AreaScope(district.CommunityB)),
            Street1 = await Client(Roles.StreetStaff, A.AreaScope(district.Street1)),
            GridWorker = await Client(Roles.GridWorker, A.AreaScope(grid)),
            CityscapeStaff = await Client(Roles.DepartmentStaff, A.UnitScope(cityscape.Id)),
            HousingStaff = await Client(Roles.DepartmentStaff, A.UnitScope(housing.Id)),
        };
    }

    /// <summary>A point inside grid 1 of community A.</summary>
    public (double Lon, double Lat) Point => (Grid.Boundary!.Centroid.X, Grid.Boundary.Centroid.Y);

    public object Report(string description = "小区门口垃圾桶满溢，无人清运", string? itemCode = null) => new
    {
        itemCode = itemCode ?? Item.Code, description, longitude = Point.Lon, latitude = Point.Lat, address = "测试路1号",
    };

    public async Task<CaseDetailDto> ReportAsync(HttpClient? who = null, object? body = null)
    {
        var response = await (who ?? Resident).PostAsJsonAsync("/api/cases", body ?? Report());
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CaseDetailDto>(Http.Json))!;
    }

    public static async Task<CaseDetailDto> Move(HttpClient who, Guid id, string action, object? body = null)
    {
        var response = await who.PostAsJsonAsync($"/api/cases/{id}/{action}", body ?? new { });
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<CaseDetailDto>(Http.Json))!;
    }

    public static async Task<HttpResponseMessage> Try(HttpClient who, Guid id, string action, object? body = null) =>
        await who.PostAsJsonAsync($"/api/cases/{id}/{action}", body ?? new { });

    /// <summary>Reported by the resident, accepted by community A and dispatched to the cityscape department.</summary>
    public async Task<CaseDetailDto> DispatchedAsync()
    {
        var c = await ReportAsync();
        await Move(CommunityA, c.Case.Id, "accept");
        return await Move(CommunityA, c.Case.Id, "dispatch", new { leadUnitId = Cityscape.Id });
    }

    /// <summary>Through sign-for, start and handled by the cityscape department.</summary>
    public async Task<CaseDetailDto> HandledAsync()
    {
        var c = await DispatchedAsync();
        await Move(CityscapeStaff, c.Case.Id, "sign-for");
        await Move(CityscapeStaff, c.Case.Id, "start");
        return await Move(CityscapeStaff, c.Case.Id, "handled", new { comment = "已清运" });
    }

    /// <summary>A tiny valid PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient who, byte[] bytes, string name, string contentType)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        form.Add(file, "files", name);
        return await who.PostAsync("/api/cases/uploads", form);
    }

    public static async Task<Guid> UploadPngAsync(HttpClient who)
    {
        var response = await UploadAsync(who, Png, "现场.png", "image/png");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<List<UploadedDto>>(Http.Json))![0].Id;
    }
}
