using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.Volunteering.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Volunteering.Features;

/// <summary>
/// An in-service party member (在职党员) registers with the community where they live (党员双报到), from their own
/// account. Identity is checked against the party member record: in service, same name, same employer, and — when the
/// record is linked to a resident — the same ID-card number (compared by keyed hash; the number is never stored here,
/// logged or returned). Every failure gives the same answer, so the check cannot be used to probe who is a member.
/// The account gets the volunteer role in the same transaction (it shows from the next sign-in).
/// </summary>
public static class RegisterMember
{
    public sealed record Request(string Name, string? IdCard, Guid EmployerId, string CommunityCode);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/registrations/members", Handle).RequireAuthorization();

    static async Task<Results<Created<RegistrationViews.Row>, ProblemHttpResult>> Handle(
        Request request, CivicGridDbContext db, CurrentUser user, PersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var result = await RunAsync(request, db, user, protector, clock.GetUtcNow(), ct);
        if (result.IsError) return result.Error!.ToProblem();
        var row = (await RegistrationViews.RowsAsync(db.DualRegistrations.Where(r => r.Id == result.Value), db, ct)).Single();
        return TypedResults.Created($"/api/volunteering/registrations/{result.Value}", row);
    }

    /// <summary>The route and the phone's form (/m/register): the new registration's id, or why not.</summary>
    public static async Task<Result<Guid>> RunAsync(Request request, CivicGridDbContext db, CurrentUser user, PersonalDataProtector protector,
        DateTimeOffset now, CancellationToken ct)
    {
        if (!await RegistrationViews.IsCommunityAsync(db, request.CommunityCode, ct)) return VolunteerErrors.CommunityUnknown;
        var name = (request.Name ?? "").Trim();
        var idCard = IdCardNumber.Normalize(request.IdCard);
        var idHash = idCard is not null && IdCardNumber.IsValid(idCard) ? protector.Hash(idCard) : null;

        // The member's record lies in their party organisation's area, usually outside anything the caller can see.
        var candidates = await db.PartyMembers.IgnoreQueryFilters([DataScope.FilterName])
            .Where(m => m.InService && m.Name == name && m.EmployerId == request.EmployerId)
            .Select(m => new
            {
                m.Id, m.Name, m.EmployerId,
                IdHash = db.Residents.IgnoreQueryFilters().Where(r => r.Id == m.ResidentId).Select(r => r.IdCardHash).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var matches = candidates.Where(m => m.IdHash is null || m.IdHash == idHash).ToList();
        if (matches.Count != 1) return VolunteerErrors.IdentityMismatch;
        var member = matches[0];

        var accountId = user.Id!.Value;
        if (await db.DualRegistrations.IgnoreQueryFilters([DataScope.FilterName])
                .AnyAsync(r => r.PartyMemberId == member.Id || (r.Kind == RegistrationKind.Member && r.AccountId == accountId), ct))
            return VolunteerErrors.AlreadyRegistered;

        var registration = new DualRegistration
        {
            Id = Guid.CreateVersion7(now), Kind = RegistrationKind.Member, AreaCode = request.CommunityCode,
            UnitId = member.EmployerId, PartyMemberId = member.Id, AccountId = accountId, Name = member.Name, RegisteredAt = now,
        };
        db.DualRegistrations.Add(registration);
        await GrantVolunteerRoleAsync(db, accountId, ct);
        await db.SaveChangesAsync(ct);
        return registration.Id;
    }

    // Written as a row of the same unit of work rather than through UserManager, which would save on its own.
    static async Task GrantVolunteerRoleAsync(CivicGridDbContext db, Guid accountId, CancellationToken ct)
    {
        var role = await db.Roles.SingleOrDefaultAsync(r => r.Name == Roles.Volunteer, ct);
        if (role is null || await db.UserRoles.AnyAsync(ur => ur.UserId == accountId && ur.RoleId == role.Id, ct)) return;
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = accountId, RoleId = role.Id });
    }
}
