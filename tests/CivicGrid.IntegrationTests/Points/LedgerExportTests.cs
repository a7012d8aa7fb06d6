using System.Net;
using System.Net.Http.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Persistence;

namespace CivicGrid.IntegrationTests.Points;

/// <summary>The ledger as Excel: the same filters and scope as GET /ledger, every row, Chinese headers.</summary>
public sealed class LedgerExportTests(Apps apps) : IClassFixture<Apps>
{
    static async Task<List<IDictionary<string, object>>> Sheet(HttpClient staff, string url)
    {
        var response = await staff.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "积分台账").Cast<IDictionary<string, object>>().ToList();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_export_holds_the_filtered_entries_of_the_callers_community_only(DatabaseProvider provider)
    {
        var w = await PointsWorld.CreateAsync(await apps.For(provider));
        await w.EarnAsync(w.Resident, 12, "帮助独居老人");
        await w.EarnAsync(w.Neighbour, 8, "楼道清洁");
        await w.RaiseAsync(w.ResidentB.Id, PointsEventKinds.MeetingAttended, Guid.NewGuid(), 1, community: w.CommunityB, title: "乙社区议事会");
        await w.ProjectAsync();
        var item = await w.ItemAsync(price: 5, stock: 3);
        await PointsWorld.RedeemAsync(w.Resident.Client, item.Id);
        var earn = (await w.StaffA.Get<PagedDto<EntryDto>>($"/api/points/ledger?accountId={w.Neighbour.Id}")).Items.Single();
        var reversed = await w.StaffA.PostAsJsonAsync($"/api/points/entries/{earn.Id}/reverse", new { reason = "重复登记" });
        Assert.Equal(HttpStatusCode.OK, reversed.StatusCode);

        var all = await Sheet(w.StaffA, "/api/points/ledger/excel");
        var listed = await w.StaffA.Get<PagedDto<EntryDto>>("/api/points/ledger?pageSize=100");
        Assert.Equal(listed.Total, all.Count);
        Assert.Equal(listed.Items.Select(e => e.Id.ToString()), all.Select(r => (string)r["流水号"]));
        Assert.DoesNotContain(all, r => (string)r["事项"] == "乙社区议事会");
        Assert.All(all, r => Assert.Equal(w.CommunityA, (string)r["社区代码"]));
        var reversal = Assert.Single(all, r => (string)r["类型"] == "冲正");
        Assert.Equal(("-8", "楼道清洁", "重复登记"), (reversal["积分"].ToString(), (string)reversal["事项"], (string)reversal["冲正原因"]));
        Assert.Equal("是", all.Single(r => (string)r["流水号"] == earn.Id.ToString())["已冲正"]);
        Assert.Contains(all, r => (string)r["类型"] == "兑换" && r["积分"].ToString() == "-5" && (string)r["事项"] == "洗衣液一瓶");

        // The list's filters: one holder, one kind, a title.
        var resident = await Sheet(w.StaffA, $"/api/points/ledger/excel?accountId={w.Resident.Id}&kind=Earn");
        Assert.Equal(("获得", "12", "帮助独居老人"), ((string)Assert.Single(resident)["类型"], resident[0]["积分"].ToString(), (string)resident[0]["事项"]));
        var byTitle = await Sheet(w.StaffA, $"/api/points/ledger/excel?q={Uri.EscapeDataString("楼道")}");
        Assert.Equal(2, byTitle.Count);

        // Community B's staff get only B; a holder may not export at all.
        var b = await Sheet(w.StaffB, "/api/points/ledger/excel");
        Assert.Equal("乙社区议事会", (string)Assert.Single(b)["事项"]);
        Assert.Empty(await Sheet(w.StaffB, $"/api/points/ledger/excel?accountId={w.Resident.Id}"));
        Assert.Equal(HttpStatusCode.Forbidden, await w.Resident.Client.StatusOf(HttpMethod.Get, "/api/points/ledger/excel"));
    }
}
