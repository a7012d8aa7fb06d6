using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace CivicGrid.Web.Components.Layout;

/// <summary>A console module: where it lives, its label key in Ui.resx, its icon, and the permission that opens it.</summary>
/// <remarks>
/// <paramref name="AlsoNeeds"/>: a second permission the module needs (intake is for staff: report and view).
/// <paramref name="ForUnits"/>: only for accounts acting for a unit (a unit scope), e.g. a co-building unit's own desk.
/// </remarks>
public sealed record ConsoleModule(string Id, string Href, string Label, string Icon, string? Permission, bool System = false,
    string? AlsoNeeds = null, bool ForUnits = false)
{
    public bool IsOpenTo(CurrentUser user) => (Permission is null || user.Can(Permission)) && (AlsoNeeds is null || user.Can(AlsoNeeds))
        && (!ForUnits || user.Scope.UnitIds.Length > 0);
}

/// <summary>The console's modules, in menu order: the nav menu and the workbench's quick links both list them from here.</summary>
public static class ConsoleModules
{
    public static readonly IReadOnlyList<ConsoleModule> All =
    [
        new("cases", "/cases", "Nav.Cases", Icons.Material.Filled.Assignment, Permissions.Cases.View),
        new("case-intake", "/cases/new", "Nav.CaseIntake", Icons.Material.Filled.AddCircle, Permissions.Cases.Report, AlsoNeeds: Permissions.Cases.View),
        new("areas", "/areas", "Nav.Areas", Icons.Material.Filled.Map, Permissions.Areas.View),
        new("residents", "/residents", "Nav.Residents", Icons.Material.Filled.People, Permissions.People.View),
        new("resident-import", "/residents/import", "Nav.ResidentImport", Icons.Material.Filled.UploadFile, Permissions.People.Import),
        new("catalog", "/catalog", "Nav.Catalog", Icons.Material.Filled.Category, Permissions.Cases.View),
        new("cobuilding", "/cobuilding", "Nav.CoBuilding", Icons.Material.Filled.Handshake, Permissions.CoBuilding.View),
        new("volunteering", "/volunteering", "Nav.Volunteering", Icons.Material.Filled.VolunteerActivism, Permissions.Volunteering.Manage),
        new("volunteering-unit", "/volunteering/unit", "Nav.VolunteeringUnit", Icons.Material.Filled.HowToReg, Permissions.Volunteering.Serve,
            AlsoNeeds: Permissions.CoBuilding.Take, ForUnits: true),
        new("figures", "/figures", "Nav.Figures", Icons.Material.Filled.BarChart, Permissions.Cases.Figures),
        new("points", "/points", "Nav.Points", Icons.Material.Filled.Stars, Permissions.Points.Manage),
        new("merchant", "/points/merchant", "Nav.Merchant", Icons.Material.Filled.Storefront, Permissions.Points.Honour),
        new("accounts", "/admin/accounts", "Nav.Accounts", Icons.Material.Filled.ManageAccounts, Permissions.Accounts.Manage, System: true),
        new("oplog", "/admin/operation-log", "Nav.OperationLog", Icons.Material.Filled.History, Permissions.OperationLog.View, System: true),
        new("mobile", "/m", "Nav.Mobile", Icons.Material.Filled.PhoneAndroid, null),
    ];

    public static IEnumerable<ConsoleModule> OpenTo(CurrentUser user) => All.Where(m => m.IsOpenTo(user));

    /// <summary>
    /// How a module's menu entry matches the page at <paramref name="path"/>: its own address and the pages below it
    /// (a case's page lights up the case list), except where the page belongs to a module below it (/cases/new is
    /// intake's, not the case list's), so that one entry lights up at a time.
    /// </summary>
    public static NavLinkMatch MatchAt(ConsoleModule module, string path) =>
        All.Any(other => other != module && IsBelow(other.Href, module.Href)
                                 && (path.Equals(other.Href, StringComparison.OrdinalIgnoreCase) || IsBelow(path, other.Href)))
            ? NavLinkMatch.All
            : NavLinkMatch.Prefix;

    static bool IsBelow(string path, string href) => path.StartsWith(href + "/", StringComparison.OrdinalIgnoreCase);
}
