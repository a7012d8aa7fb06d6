using CivicGrid.Modules.Areas.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Areas;

/// <summary>
/// Every area's name by its code, retired ones included, in memory (ADR 16): each case answer names its grid,
/// community and street. Names only — an area row also carries its boundary, which a name has no reason to read.
/// </summary>
public sealed class AreaNames(IServiceScopeFactory scopes) : Remembered<Area, IReadOnlyDictionary<string, string>>(scopes)
{
    /// <summary>The names of these codes; a code with no area gets "".</summary>
    public async ValueTask<string[]> OfAsync(string[] codes, CancellationToken ct)
    {
        var names = await GetAsync(ct);
        return codes.Select(c => names.GetValueOrDefault(c, "")).ToArray();
    }

    protected override async Task<IReadOnlyDictionary<string, string>> LoadAsync(CivicGridDbContext db, CancellationToken ct) =>
        await db.Areas.IgnoreQueryFilters().AsNoTracking().Select(a => new { a.AreaCode, a.Name }).ToDictionaryAsync(a => a.AreaCode, a => a.Name, ct);
}
