using CivicGrid.Shared;

namespace CivicGrid.Modules.People.Domain;

/// <summary>户籍 registered / 常住 permanent (lives here, registered elsewhere) / 流动 floating.</summary>
public enum ResidenceType { Registered = 1, Permanent = 2, Floating = 3 }

/// <summary>Special groups that drive visits and micro-wishes (DOMAIN.md §2).</summary>
public static class ResidentTags
{
    public const string ElderlyAlone = "elderly_alone";   // 独居老人
    public const string Disabled = "disabled";            // 残疾人
    public const string LowIncome = "low_income";         // 低保
    public const string Veteran = "veteran";              // 退役军人
    public const string PartyMember = "party_member";     // 党员
    public const string LeftBehindChild = "left_behind_child"; // 留守儿童

    public static readonly IReadOnlyDictionary<string, string> ChineseNames = new Dictionary<string, string>
    {
        [ElderlyAlone] = "独居老人", [Disabled] = "残疾人", [LowIncome] = "低保户",
        [Veteran] = "退役军人", [PartyMember] = "党员", [LeftBehindChild] = "留守儿童",
    };

    public static bool IsKnown(string tag) => ChineseNames.ContainsKey(tag);
}

/// <summary>
/// A resident (居民). ID-card number and phone are stored encrypted with a keyed hash for exact lookup and a masked
/// copy for lists; the clear value is only ever produced by the logged reveal.
/// </summary>
public sealed class Resident : IScoped, IVersioned
{
    public Guid Id { get; set; }
    public string AreaCode { get; set; } = "";
    public Guid? HouseholdId { get; set; }
    public string Name { get; set; } = "";
    public bool IsMale { get; set; }
    public DateOnly BirthDate { get; set; }
    public byte[] IdCardCipher { get; set; } = [];
    public string IdCardHash { get; set; } = "";
    public string IdCardMasked { get; set; } = "";
    public byte[]? PhoneCipher { get; set; }
    public string? PhoneHash { get; set; }
    public string? PhoneMasked { get; set; }
    public ResidenceType ResidenceType { get; set; }
    /// <summary>与户主关系: 户主, 配偶, 子女, 父母, 其他.</summary>
    public string RelationToHead { get; set; } = "户主";
    public List<string> Tags { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }

    public void SetIdCard(string normalized, PersonalDataProtector protector)
    {
        IdCardCipher = protector.Encrypt(normalized);
        IdCardHash = protector.Hash(normalized);
        IdCardMasked = IdCardNumber.Mask(normalized);
        IsMale = IdCardNumber.IsMale(normalized);
        BirthDate = IdCardNumber.BirthDate(normalized);
    }

    public void SetPhone(string? normalized, PersonalDataProtector protector)
    {
        PhoneCipher = normalized is null ? null : protector.Encrypt(normalized);
        PhoneHash = normalized is null ? null : protector.Hash(normalized);
        PhoneMasked = normalized is null ? null : PhoneNumber.Mask(normalized);
    }
}

/// <summary>A logged full view of personal data (DOMAIN.md §1: "every full view is logged").</summary>
public sealed class PersonalDataAccess : IScoped
{
    public long Id { get; set; }
    public Guid ResidentId { get; set; }
    public string AreaCode { get; set; } = "";
    public Guid AccountId { get; set; }
    public string AccountName { get; set; } = "";
    public string Fields { get; set; } = "";
    public string? Reason { get; set; }
    public DateTimeOffset At { get; set; }
}

public static class ResidentErrors
{
    public static readonly Error IdCardInvalid = Error.Validation("resident.id_card_invalid", "身份证号码无效（须为18位且校验位正确）。");
    public static readonly Error IdCardTaken = Error.Conflict("resident.id_card_taken", "该身份证号码已登记。");
    public static readonly Error PhoneInvalid = Error.Validation("resident.phone_invalid", "手机号码无效（须为11位手机号）。");
    public static readonly Error NameRequired = Error.Validation("resident.name_required", "姓名不能为空。");
    public static readonly Error UnknownTag = Error.Validation("resident.tag_unknown", "未知的人员标签。");
    public static readonly Error ResidenceTypeInvalid = Error.Validation("resident.residence_type_invalid", "居住类型须为 户籍/常住/流动。");
    public static readonly Error HouseholdMissing = Error.Validation("resident.household_missing", "房屋不存在。");
}
