using CivicGrid.Web.Components.Layout;
using Microsoft.AspNetCore.Components.Routing;

namespace CivicGrid.UnitTests.Web;

/// <summary>The console menu: one entry lights up per page.</summary>
public sealed class ConsoleModulesTests
{
    // What NavLink does with the match it is given.
    static bool LightsUp(ConsoleModule module, string path) => ConsoleModules.MatchAt(module, path) switch
    {
        NavLinkMatch.All => path.Equals(module.Href, StringComparison.OrdinalIgnoreCase),
        _ => path.Equals(module.Href, StringComparison.OrdinalIgnoreCase) || path.StartsWith(module.Href + "/", StringComparison.OrdinalIgnoreCase),
    };

    static string[] Lit(string path) => ConsoleModules.All.Where(m => LightsUp(m, path)).Select(m => m.Id).ToArray();

    [Fact]
    public void Each_module_page_lights_up_only_its_own_entry()
    {
        Assert.All(ConsoleModules.All, m => Assert.Equal([m.Id], Lit(m.Href)));
    }

    [Theory]
    [InlineData("/cases/new", "case-intake")]
    [InlineData("/cases/3f2504e0-4f89-11d3-9a0c-0305e82c3301", "cases")]
    [InlineData("/residents/import", "resident-import")]
    [InlineData("/volunteering/unit", "volunteering-unit")]
    [InlineData("/points/merchant", "merchant")]
    public void A_page_below_an_entry_lights_up_the_entry_it_belongs_to(string path, string module)
    {
        Assert.Equal([module], Lit(path));
    }
}
