using CivicGrid.Shared;

namespace CivicGrid.UnitTests.Shared;

public sealed class AreaCodeTests
{
    [Theory]
    [InlineData("370300000000", AreaLevel.City, "3703")]
    [InlineData("370303000000", AreaLevel.District, "370303")]
    [InlineData("370303001000", AreaLevel.Street, "370303001")]
    [InlineData("370303001002", AreaLevel.Community, "370303001002")]
    [InlineData("370303001002015", AreaLevel.Grid, "370303001002015")]
    public void Level_and_prefix_follow_the_statistical_code(string text, AreaLevel level, string prefix)
    {
        var code = AreaCode.Parse(text);
        Assert.Equal(level, code.Level);
        Assert.Equal(prefix, code.Prefix);
        Assert.Equal(text, AreaCodePrefix.ToCode(prefix));
    }

    [Theory]
    [InlineData("")]
    [InlineData("37030300100")]        // 11 digits
    [InlineData("3703030010021")]      // 13 digits
    [InlineData("37030300100A")]       // not a digit
    [InlineData("370300001000")]       // a street under district 00
    [InlineData("370303000001")]       // a community under street 000
    [InlineData("370303001002000")]    // grid serial 000
    [InlineData("370303000000001")]    // a grid under no community
    [InlineData("000000000000")]
    public void Malformed_codes_are_refused(string text) => Assert.False(AreaCode.TryParse(text, out _));

    [Fact]
    public void Parent_and_child_walk_the_hierarchy()
    {
        var grid = AreaCode.Parse("370303001002015");
        Assert.Equal("370303001002", grid.Parent!.Value.Value);
        Assert.Equal("370303001000", grid.Parent!.Value.Parent!.Value.Value);
        Assert.Equal("370303000000", grid.Parent!.Value.Parent!.Value.Parent!.Value.Value);
        Assert.Null(AreaCode.Parse("370300000000").Parent);
        Assert.Equal("370303001002007", AreaCode.Parse("370303001002").Child(7).Value);
        Assert.Equal("370303012000", AreaCode.Parse("370303000000").Child(12).Value);
    }

    [Fact]
    public void IsWithin_uses_the_significant_prefix()
    {
        var grid = AreaCode.Parse("370303001002015");
        Assert.True(grid.IsWithin(AreaCode.Parse("370303001000")));
        Assert.True(grid.IsWithin(AreaCode.Parse("370303001002")));
        Assert.False(grid.IsWithin(AreaCode.Parse("370303001003")));
        Assert.False(grid.IsWithin(AreaCode.Parse("370303002000")));
    }
}
