using CivicGrid.Web.Resources;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Components.Pages.People;

/// <summary>A member's relation to the head of household (与户主关系) in the page's language.</summary>
static class RelationText
{
    // The words the import template and the register form offer (Resident.RelationToHead); stored as written.
    static readonly Dictionary<string, string> Keys = new()
    {
        ["户主"] = "Household.Relation.Head", ["配偶"] = "Household.Relation.Spouse", ["子女"] = "Household.Relation.Child",
        ["父母"] = "Household.Relation.Parent", ["其他"] = "Household.Relation.Other",
    };

    /// <summary>The known words translated; any other word staff entered is shown as entered.</summary>
    public static string Relation(this IStringLocalizer<Ui> l, string relation) =>
        Keys.TryGetValue(relation, out var key) ? l[key] : relation;
}
