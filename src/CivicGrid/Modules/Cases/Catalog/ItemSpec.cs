using CivicGrid.Modules.Calendar.Domain;
using CivicGrid.Shared;

namespace CivicGrid.Modules.Cases.Catalog;

/// <summary>Which value a check speaks of: the API answers with the field, the Excel import names the column.</summary>
public enum ItemField { CategoryCode, CategoryName, Code, Name, LeadDuty, CooperatingDuties, OnTheSpotAllowed, ResponseLimit, HandlingLimit, Status }

public sealed record FieldError(ItemField Field, Error Error);

/// <summary>
/// A catalog item as proposed — by an admin's form, a row of Excel, the shipped default catalog — once it has passed the
/// checks every source passes: a well-formed code, a name, duties from <see cref="UnitDuties"/>, limits that parse and
/// are in order. Whether its category exists, or its code is free, is for the use case to say.
/// </summary>
public sealed record ItemSpec(string Code, string Name, string LeadDuty, IReadOnlyList<string> CooperatingDuties,
    bool OnTheSpotAllowed, TimeLimit ResponseLimit, TimeLimit HandlingLimit)
{
    public const int MaxName = 100;
    public const int MaxCategoryName = 50;

    /// <summary>A limit in hours is compared with one in days at the default working day's seven hours.</summary>
    static readonly TimeSpan NominalDay = WorkingHours.Default.PerDay;

    public string CategoryCode => Code[..2];

    /// <summary>Two digits, 01–99.</summary>
    public static bool IsCategoryCode(string? code) => code is { Length: 2 } && code.All(char.IsAsciiDigit) && code != "00";

    /// <summary>Four digits: the category's two, then the item's own 01–99.</summary>
    public static bool IsItemCode(string? code) =>
        code is { Length: 4 } && code.All(char.IsAsciiDigit) && IsCategoryCode(code[..2]) && code[2..] != "00";

    public static Error? CheckName(string? name, int max) =>
        string.IsNullOrWhiteSpace(name) ? CatalogErrors.NameRequired
        : name.Trim().Length > max ? CatalogErrors.NameTooLong(max)
        : null;

    /// <summary>Every problem of the proposal, or the item when there is none.</summary>
    public static (ItemSpec? Spec, IReadOnlyList<FieldError> Errors) Read(string? code, string? name, string? leadDuty,
        IEnumerable<string?>? cooperatingDuties, bool onTheSpotAllowed, string? responseLimit, string? handlingLimit)
    {
        var errors = new List<FieldError>();
        void Fail(ItemField field, Error error) => errors.Add(new(field, error));
        code = code?.Trim();
        name = name?.Trim();
        var lead = leadDuty?.Trim() ?? "";

        if (!IsItemCode(code)) Fail(ItemField.Code, CatalogErrors.ItemCodeInvalid);
        if (CheckName(name, MaxName) is { } nameError) Fail(ItemField.Name, nameError);
        if (lead.Length == 0) Fail(ItemField.LeadDuty, CatalogErrors.DutyRequired);
        else if (!UnitDuties.IsKnown(lead)) Fail(ItemField.LeadDuty, CatalogErrors.DutyUnknown(lead));
        var cooperating = (cooperatingDuties ?? []).Select(d => d?.Trim() ?? "").Where(d => d.Length > 0).ToList();
        if (cooperating.FirstOrDefault(d => !UnitDuties.IsKnown(d)) is { } unknown) Fail(ItemField.CooperatingDuties, CatalogErrors.DutyUnknown(unknown));
        else if (cooperating.Distinct().Count() != cooperating.Count || cooperating.Contains(lead)) Fail(ItemField.CooperatingDuties, CatalogErrors.DutyRepeated);
        var hasResponse = TimeLimit.TryParse(responseLimit, out var response);
        if (!hasResponse) Fail(ItemField.ResponseLimit, CatalogErrors.LimitInvalid);
        var hasHandling = TimeLimit.TryParse(handlingLimit, out var handling);
        if (!hasHandling) Fail(ItemField.HandlingLimit, CatalogErrors.LimitInvalid);
        if (hasResponse && hasHandling && response.Nominal(NominalDay) > handling.Nominal(NominalDay))
            Fail(ItemField.ResponseLimit, CatalogErrors.LimitOrder);

        return errors.Count > 0
            ? (null, errors)
            : (new ItemSpec(code!, name!, lead, cooperating, onTheSpotAllowed, response, handling), errors);
    }

    public CatalogItem ToItem(bool retired = false) => new()
    {
        Code = Code, CategoryCode = CategoryCode, Name = Name, LeadDuty = LeadDuty, CooperatingDuties = [.. CooperatingDuties],
        OnTheSpotAllowed = OnTheSpotAllowed, ResponseLimit = ResponseLimit, HandlingLimit = HandlingLimit, Retired = retired,
    };

    /// <summary>
    /// Writes this proposal onto <paramref name="item"/>, touching only what differs, and says whether anything did: an
    /// unchanged row of an import must leave the item (and its version) as it was.
    /// </summary>
    public bool ApplyTo(CatalogItem item)
    {
        var changed = false;
        void Set<T>(T current, T value, Action<T> write)
        {
            if (EqualityComparer<T>.Default.Equals(current, value)) return;
            write(value);
            changed = true;
        }
        Set(item.Name, Name, v => item.Name = v);
        Set(item.LeadDuty, LeadDuty, v => item.LeadDuty = v);
        Set(item.OnTheSpotAllowed, OnTheSpotAllowed, v => item.OnTheSpotAllowed = v);
        Set(item.ResponseLimit, ResponseLimit, v => item.ResponseLimit = v);
        Set(item.HandlingLimit, HandlingLimit, v => item.HandlingLimit = v);
        if (!item.CooperatingDuties.SequenceEqual(CooperatingDuties))
        {
            item.CooperatingDuties = [.. CooperatingDuties];
            changed = true;
        }
        return changed;
    }
}
