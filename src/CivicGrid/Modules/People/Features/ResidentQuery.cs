using CivicGrid.Modules.People.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;

namespace CivicGrid.Modules.People.Features;

/// <summary>The filter shared by the resident list, its Excel export and the console page, so all three show the same rows.</summary>
public sealed record ResidentFilter(string? Q, string? AreaCode, string? Tag, ResidenceType? ResidenceType)
{
    public IQueryable<Resident> Apply(CivicGridDbContext db, PersonalDataProtector protector)
    {
        var rows = db.Residents.AsQueryable();
        if (!string.IsNullOrWhiteSpace(AreaCode)) rows = rows.Where(r => r.AreaCode.StartsWith(AreaCodePrefix.Of(AreaCode)));
        if (!string.IsNullOrWhiteSpace(Tag)) rows = rows.Where(r => r.Tags.Contains(Tag));
        if (ResidenceType is { } type) rows = rows.Where(r => r.ResidenceType == type);
        if (string.IsNullOrWhiteSpace(Q)) return rows;

        var q = Q.Trim();
        // A full ID number or phone is found through its keyed hash; the clear value is never stored or compared.
        if (IdCardNumber.Normalize(q) is { } id) { var h = protector.Hash(id); return rows.Where(r => r.IdCardHash == h); }
        if (PhoneNumber.Normalize(q) is { } phone) { var h = protector.Hash(phone); return rows.Where(r => r.PhoneHash == h); }
        // Four digits (or three and an X) match the visible tail of a masked ID or phone.
        if (q.Length == 4 && q[..3].All(char.IsAsciiDigit) && (char.IsAsciiDigit(q[3]) || q[3] is 'x' or 'X'))
        {
            var tail = q.ToUpperInvariant();
            return rows.Where(r => r.IdCardMasked.EndsWith(tail) || (r.PhoneMasked != null && r.PhoneMasked.EndsWith(tail)));
        }
        var households = db.Households.Where(h => h.Address.Contains(q)).Select(h => h.Id);
        return rows.Where(r => r.Name.Contains(q) || (r.HouseholdId != null && households.Contains(r.HouseholdId.Value)));
    }
}
