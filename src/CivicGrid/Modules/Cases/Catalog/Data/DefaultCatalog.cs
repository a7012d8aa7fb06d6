using System.Text.Json;

namespace CivicGrid.Modules.Cases.Catalog.Data;

/// <summary>
/// The catalog shipped with the app (Data/default-catalog.json, embedded): demo-default data that fills an empty
/// catalog, for admins to replace. Every item goes through the same <see cref="ItemSpec.Read"/> checks as an admin's edit.
/// </summary>
public static class DefaultCatalog
{
    public const string ResourceName = "catalog/default-catalog.json";

    public sealed record Category(string Code, string Name, IReadOnlyList<ItemSpec> Items);

    sealed record DataFile(string? Source, CategoryData[]? Categories);
    sealed record CategoryData(string? Code, string? Name, ItemData[]? Items);
    sealed record ItemData(string? Code, string? Name, string? LeadDuty, string[]? CooperatingDuties, bool OnTheSpotAllowed,
        string? ResponseLimit, string? HandlingLimit);

    public static Stream Open() => typeof(DefaultCatalog).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidDataException($"The default catalog {ResourceName} is not embedded.");

    /// <summary>The categories in file order, each with its items; throws naming every problem when the file is wrong.</summary>
    public static IReadOnlyList<Category> Load()
    {
        using var stream = Open();
        var file = JsonSerializer.Deserialize<DataFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var problems = new List<string>();
        var categories = new List<Category>();
        var codes = new HashSet<string>();
        foreach (var c in file?.Categories ?? [])
        {
            if (!ItemSpec.IsCategoryCode(c.Code) || !codes.Add(c.Code!)) problems.Add($"category code '{c.Code}'");
            if (ItemSpec.CheckName(c.Name, ItemSpec.MaxCategoryName) is not null) problems.Add($"category {c.Code} name");
            var items = new List<ItemSpec>();
            foreach (var i in c.Items ?? [])
            {
                var (spec, errors) = ItemSpec.Read(i.Code, i.Name, i.LeadDuty, i.CooperatingDuties, i.OnTheSpotAllowed, i.ResponseLimit, i.HandlingLimit);
                problems.AddRange(errors.Select(e => $"item {i.Code}: {e.Error.Code} ({e.Field})"));
                if (spec is null) continue;
                if (spec.CategoryCode != c.Code) problems.Add($"item {i.Code} is not in category {c.Code}");
                if (!codes.Add(spec.Code)) problems.Add($"item code {spec.Code} twice");
                items.Add(spec);
            }
            categories.Add(new Category(c.Code ?? "", c.Name?.Trim() ?? "", items));
        }
        if (categories.Count == 0) problems.Add("no categories");
        return problems.Count == 0 ? categories
            : throw new InvalidDataException($"Default catalog {ResourceName}: {string.Join("; ", problems)}.");
    }
}
