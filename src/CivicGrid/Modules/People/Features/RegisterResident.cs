using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.People.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.People.Features;

/// <summary>POST /api/residents: register a resident in a household. The ID number is the natural key: a retry is refused, never doubled.</summary>
public static class RegisterResident
{
    public sealed record Request(Guid HouseholdId, string Name, string IdCard, string? Phone, ResidenceType ResidenceType,
        string? RelationToHead, string[]? Tags);

    public static void Map(RouteGroupBuilder residents) =>
        residents.MapPost("/", Handle).RequireAuthorization(Permissions.People.Manage);

    static async Task<Results<Created<SearchResidents.Row>, ProblemHttpResult>> Handle(Request request, CivicGridDbContext db,
        PersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var household = await db.Households.AsNoTracking().SingleOrDefaultAsync(h => h.Id == request.HouseholdId, ct);
        var built = Build(request, household, protector, clock);
        if (built.IsError) return built.Error!.ToProblem();
        var resident = built.Value;
        if (await db.Residents.IgnoreQueryFilters([DataScope.FilterName]).AnyAsync(r => r.IdCardHash == resident.IdCardHash, ct))
            return ResidentErrors.IdCardTaken.ToProblem();
        db.Residents.Add(resident);
        await db.SaveChangesAsync(ct);
        var row = (await SearchResidents.Project(db, db.Residents.Where(r => r.Id == resident.Id), clock, ct)).Single();
        return TypedResults.Created($"/api/residents/{resident.Id}", row);
    }

    /// <summary>Validates and builds a resident; shared with the Excel import so both accept exactly the same rows.</summary>
    public static Result<Resident> Build(Request request, Household? household, PersonalDataProtector protector, TimeProvider clock)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 50) return ResidentErrors.NameRequired;
        if (household is null) return ResidentErrors.HouseholdMissing;
        if (IdCardNumber.Normalize(request.IdCard) is not { } id) return ResidentErrors.IdCardInvalid;
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(request.Phone) && (phone = PhoneNumber.Normalize(request.Phone)) is null) return ResidentErrors.PhoneInvalid;
        var tags = request.Tags?.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList() ?? [];
        if (tags.Any(t => !ResidentTags.IsKnown(t))) return ResidentErrors.UnknownTag;
        if (!Enum.IsDefined(request.ResidenceType)) return ResidentErrors.ResidenceTypeInvalid;

        var resident = new Resident
        {
            Id = Guid.NewGuid(), AreaCode = household.AreaCode, HouseholdId = household.Id, Name = name,
            ResidenceType = request.ResidenceType, RelationToHead = request.RelationToHead?.Trim() is { Length: > 0 } rel ? rel : "户主",
            Tags = tags, CreatedAt = clock.GetUtcNow(),
        };
        resident.SetIdCard(id, protector);
        resident.SetPhone(phone, protector);
        return resident;
    }
}
