using CivicGrid.Modules.People.Features;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Components.Pages.People;

/// <summary>The latest import jobs the caller may see (ImportJob.IsVisibleTo: their own scope or a narrower one).</summary>
static class RecentImports
{
    public static async Task<IReadOnlyList<ImportProgress.Response>> Of(CivicGridDbContext db, CurrentUser user, int count)
    {
        // Visibility compares scope-prefix lists and SQLite cannot order by a DateTimeOffset, so both happen here. The job
        // table holds one small row per uploaded file; a platform admin's jobs are left out of a scoped caller's read.
        var unrestricted = user.Scope.IsUnrestricted;
        var jobs = await db.ImportJobs.AsNoTracking()
            .Where(j => unrestricted || !j.ScopeUnrestricted)
            .ToListAsync();
        return jobs.Where(j => j.IsVisibleTo(user.Scope)).OrderByDescending(j => j.CreatedAt).Take(count)
            .Select(ImportProgress.Response.Of).ToList();
    }
}
