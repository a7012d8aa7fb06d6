using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.People.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.People.Features;

/// <summary>POST /api/residents/{id}/reveal: the full ID number and phone, for roles that need them. Every reveal is logged.</summary>
public static class RevealResident
{
    public sealed record Request(string? Reason);
    public sealed record Response(Guid Id, string Name, string IdCard, string? Phone);

    public static void Map(RouteGroupBuilder residents) =>
        residents.MapPost("/{id:guid}/reveal", Handle).RequireAuthorization(Permissions.People.Reveal);

    internal static async Task<Results<Ok<Response>, NotFound>> Handle(Guid id, Request? request, CivicGridDbContext db, CurrentUser user,
        PersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var resident = await db.Residents.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (resident is null) return TypedResults.NotFound();
        db.PersonalDataAccesses.Add(new PersonalDataAccess
        {
            ResidentId = resident.Id, AreaCode = resident.AreaCode, AccountId = user.Id!.Value, AccountName = user.UserName,
            Fields = resident.PhoneCipher is null ? "id_card" : "id_card,phone",
            Reason = request?.Reason?.Trim() is { Length: > 0 } r ? r[..Math.Min(r.Length, 200)] : null, At = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new Response(resident.Id, resident.Name, protector.Decrypt(resident.IdCardCipher),
            resident.PhoneCipher is null ? null : protector.Decrypt(resident.PhoneCipher)));
    }
}
