using System.Text.Json;
using CivicGrid.Modules.Cases.Catalog;
using CivicGrid.Modules.Cases.Catalog.Data;

namespace CivicGrid.UnitTests.Cases;

/// <summary>The default catalog embedded in the assembly: read straight from the JSON, then through the loader the seeder uses.</summary>
public sealed class CatalogDataTests
{
    static JsonElement Root()
    {
        using var stream = DefaultCatalog.Open();
        return JsonDocument.Parse(stream).RootElement.Clone();
    }

    static IEnumerable<(string Category, JsonElement Item)> Items() =>
        Root().GetProperty("categories").EnumerateArray()
            .SelectMany(c => c.GetProperty("items").EnumerateArray().Select(i => (c.GetProperty("code").GetString()!, i)));

    [Fact]
    public void The_embedded_catalog_has_at_least_nine_categories_and_sixty_items()
    {
        var categories = Root().GetProperty("categories").EnumerateArray().ToList();
        Assert.True(categories.Count >= 9, $"{categories.Count} categories");
        Assert.True(Items().Count() >= 60, $"{Items().Count()} items");
        Assert.All(categories, c => Assert.NotEmpty(c.GetProperty("items").EnumerateArray()));
        foreach (var name in new[] { "市容环境", "物业管理", "生态环境", "安全隐患", "邻里纠纷", "公共服务", "社会救助", "市场监管", "道路交通" })
            Assert.Contains(categories, c => c.GetProperty("name").GetString() == name);
    }

    [Fact]
    public void Codes_are_unique_and_well_formed_and_each_item_sits_in_its_category()
    {
        var categoryCodes = Root().GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToList();
        Assert.All(categoryCodes, c => Assert.Matches(@"^(0[1-9]|[1-9]\d)$", c));
        Assert.Equal(categoryCodes.Count, categoryCodes.Distinct().Count());

        var items = Items().ToList();
        Assert.All(items, x => Assert.Matches(@"^\d{2}(0[1-9]|[1-9]\d)$", x.Item.GetProperty("code").GetString()));
        Assert.All(items, x => Assert.StartsWith(x.Category, x.Item.GetProperty("code").GetString()));
        Assert.Equal(items.Count, items.Select(x => x.Item.GetProperty("code").GetString()).Distinct().Count());
        Assert.Equal(items.Count, items.Select(x => x.Item.GetProperty("name").GetString()).Distinct().Count());
        Assert.All(items, x => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", x.Item.GetProperty("name").GetString()));
    }

    [Fact]
    public void Every_duty_is_a_known_unit_duty_and_none_repeats_within_an_item()
    {
        foreach (var (_, item) in Items())
        {
            var code = item.GetProperty("code").GetString();
            var lead = item.GetProperty("leadDuty").GetString();
            var cooperating = item.GetProperty("cooperatingDuties").EnumerateArray().Select(d => d.GetString()).ToList();
            Assert.True(UnitDuties.IsKnown(lead), $"{code}: lead duty {lead}");
            Assert.All(cooperating, d => Assert.True(UnitDuties.IsKnown(d), $"{code}: cooperating duty {d}"));
            Assert.DoesNotContain(lead, cooperating);
            Assert.Equal(cooperating.Count, cooperating.Distinct().Count());
        }
    }

    [Fact]
    public void Every_limit_parses_and_follows_the_12345_practice()
    {
        foreach (var (_, item) in Items())
        {
            var code = item.GetProperty("code").GetString();
            var response = TimeLimit.Parse(item.GetProperty("responseLimit").GetString()!);
            var handling = TimeLimit.Parse(item.GetProperty("handlingLimit").GetString()!);
            // Sign-for within a working day at most; handled within three weeks; never answered later than handled.
            Assert.True(response is { Unit: TimeUnit.WorkingHours, Amount: >= 1 and <= 8 }, $"{code}: response {response}");
            Assert.True(handling.Unit == TimeUnit.WorkingHours ? handling.Amount <= 8 : handling.Amount <= 15, $"{code}: handling {handling}");
            Assert.True(handling.Unit == TimeUnit.WorkingDays || handling.Amount >= response.Amount, $"{code}: {response} after {handling}");
        }
    }

    [Fact]
    public void Urgent_safety_items_answer_within_an_hour_and_simple_ones_may_be_settled_on_the_spot()
    {
        var items = Items().Select(x => x.Item).ToDictionary(i => i.GetProperty("name").GetString()!);
        foreach (var name in new[] { "消防通道堵塞", "燃气泄漏隐患", "电梯困人", "井盖缺失破损" })
            Assert.Equal(new TimeLimit(1, TimeUnit.WorkingHours), TimeLimit.Parse(items[name].GetProperty("responseLimit").GetString()!));
        foreach (var name in new[] { "小广告乱贴乱画", "楼道杂物", "邻里矛盾" })
            Assert.True(items[name].GetProperty("onTheSpotAllowed").GetBoolean(), name);
        foreach (var name in new[] { "私搭乱建", "危房险情", "拖欠工资" })
            Assert.False(items[name].GetProperty("onTheSpotAllowed").GetBoolean(), name);
    }

    [Fact]
    public void The_loader_the_seeder_uses_accepts_the_file_whole()
    {
        var categories = DefaultCatalog.Load();
        Assert.Equal(Root().GetProperty("categories").GetArrayLength(), categories.Count);
        Assert.Equal(Items().Count(), categories.Sum(c => c.Items.Count));
        var fence = categories.SelectMany(c => c.Items).Single(i => i.Code == "0401");
        Assert.Equal(("消防通道堵塞", "消防"), (fence.Name, fence.LeadDuty));
        Assert.Equal(["物业", "社区", "公安"], fence.CooperatingDuties);
    }

    [Fact]
    public void Item_checks_name_every_problem_with_its_field()
    {
        var (spec, errors) = ItemSpec.Read("1300", " ", "街办", ["社区", "社区"], false, "2x", "3d");
        Assert.Null(spec);
        Assert.Equal(
            [(ItemField.Code, "catalog.code_invalid"), (ItemField.Name, "catalog.name_required"), (ItemField.LeadDuty, "catalog.duty_unknown"),
             (ItemField.CooperatingDuties, "catalog.duty_repeated"), (ItemField.ResponseLimit, "catalog.limit_invalid")],
            errors.Select(e => (e.Field, e.Error.Code)));

        var late = ItemSpec.Read("1301", "测试", "城管", ["城管"], false, "2d", "8h").Errors;
        Assert.Equal(["catalog.duty_repeated", "catalog.limit_order"], late.Select(e => e.Error.Code));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", late[0].Error.Message);

        var (ok, none) = ItemSpec.Read(" 1301 ", " 测试事项 ", "城管", ["社区", " 物业 ", ""], true, "7h", "1d");
        Assert.Empty(none);
        Assert.Equal(("1301", "13", "测试事项"), (ok!.Code, ok.CategoryCode, ok.Name));
        Assert.Equal(["社区", "物业"], ok.CooperatingDuties);
    }
}
