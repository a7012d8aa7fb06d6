using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.People.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.People.Features;

/// <summary>
/// GET /api/residents — search by name, address, last four digits, or a full ID/phone (via its hash); paged, masked.
/// GET /api/residents/{id} — one resident, masked.
/// </summary>
public static class SearchResidents
{
    public sealed record Row(Guid Id, string Name, string Gender, int Age, string IdCard, string? Phone,
        ResidenceType ResidenceType, string RelationToHead, string[] Tags, string AreaCode, Guid? HouseholdId, string? Address, int Version);

    public static void Map(RouteGroupBuilder residents)
    {
        residents.MapGet("/", List).RequireAuthorization(Permissions.People.View);
        residents.MapGet("/{id:guid}", Get).RequireAuthorization(Permissions.People.View);
    }

    internal static async Task<Paged<Row>> List([AsParameters] Query query, CivicGridDbContext db, PersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var rows = query.Filter.Apply(db, protector);
        var paging = Paging.Of(query.Page, query.PageSize);
        var total = await rows.CountAsync(ct);
        var page = await Project(db, rows.OrderBy(r => r.AreaCode).ThenBy(r => r.Name).ThenBy(r => r.Id).Skip(paging.Skip).Take(paging.Size), clock, ct);
        return new Paged<Row>(total, paging.Page, paging.Size, page);
    }

    static async Task<Results<Ok<Row>, NotFound>> Get(Guid id, CivicGridDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var row = (await Project(db, db.Residents.Where(r => r.Id == id), clock, ct)).SingleOrDefault();
        return row is null ? TypedResults.NotFound() : TypedResults.Ok(row);
    }

    public sealed record Query(string? Q, string? AreaCode, string? Tag, ResidenceType? ResidenceType, int? Page, int? PageSize)
    {
        public ResidentFilter Filter => new(Q, AreaCode, Tag, ResidenceType);
    }

    internal static async Task<List<Row>> Project(CivicGridDbContext db, IQueryable<Resident> residents, TimeProvider clock, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var list = await (from r in residents.AsNoTracking()
                          join h in db.Households on r.HouseholdId equals h.Id into hs
                          from h in hs.DefaultIfEmpty()
                          select new { r, Address = h == null ? null : h.Address }).ToListAsync(ct);
        return list.Select(x => new Row(x.r.Id, x.r.Name, x.r.IsMale ? "男" : "女", Age(x.r.BirthDate, today), x.r.IdCardMasked,
            x.r.PhoneMasked, x.r.ResidenceType, x.r.RelationToHead, x.r.Tags.ToArray(), x.r.AreaCode, x.r.HouseholdId, x.Address, x.r.Version)).ToList();
    }

    static int Age(DateOnly birth, DateOnly today) =>
        today.Year - birth.Year - (today < birth.AddYears(today.Year - birth.Year) ? 1 : 0);
}
