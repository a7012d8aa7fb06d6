using System.Text.Json;
using CivicGrid.Modules.Calendar.Domain;

namespace CivicGrid.Modules.Calendar.Data;

/// <summary>
/// The State Council's calendars shipped with the app (Data/*.json, embedded), seeded into the database when absent.
/// They go through the same <see cref="YearRules.Create"/> checks as an admin's PUT.
/// </summary>
public static class OfficialCalendars
{
    const string Prefix = "calendar/";

    sealed record DataFile(int Year, string Source, NamedDate[] Holidays, NamedDate[] WorkingDays);

    public static IReadOnlyList<YearRules> Load()
    {
        var assembly = typeof(OfficialCalendars).Assembly;
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        return assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix)).Order().Select(name =>
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var file = JsonSerializer.Deserialize<DataFile>(stream, options)
                ?? throw new InvalidDataException($"Calendar data {name} is empty.");
            var rules = YearRules.Create(file.Year, file.Holidays, file.WorkingDays);
            return rules.IsError ? throw new InvalidDataException($"Calendar data {name}: {rules.Error!.Message}") : rules.Value;
        }).ToList();
    }
}
