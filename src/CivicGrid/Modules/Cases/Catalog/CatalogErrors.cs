using CivicGrid.Shared;

namespace CivicGrid.Modules.Cases.Catalog;

/// <summary>Why a catalog change is refused, each with a stable code and a Chinese message.</summary>
public static class CatalogErrors
{
    public static readonly Error CategoryCodeInvalid = Error.Validation("catalog.code_invalid", "大类编码须为2位数字（01–99）。");
    public static readonly Error ItemCodeInvalid = Error.Validation("catalog.code_invalid", "事项编码须为4位数字：前2位为大类编码，后2位为事项序号（01–99）。");
    public static readonly Error CodeTaken = Error.Conflict("catalog.code_taken", "该编码已存在。");
    public static readonly Error CategoryMissing = Error.Validation("catalog.category_missing", "事项编码前2位对应的大类不存在，请先新增大类。");
    public static readonly Error NameRequired = Error.Validation("catalog.name_required", "请填写名称。");
    public static Error NameTooLong(int max) => Error.Validation("catalog.name_too_long", $"名称不能超过{max}个字。");
    public static readonly Error DutyRequired = Error.Validation("catalog.duty_required", "请填写主责单位类型。");
    public static Error DutyUnknown(string duty) =>
        Error.Validation("catalog.duty_unknown", $"未知的责任单位类型“{duty}”。可选：{string.Join("、", UnitDuties.All)}。");
    public static readonly Error DutyRepeated = Error.Validation("catalog.duty_repeated", "配合单位类型有重复，或与主责单位类型相同。");
    public static readonly Error LimitInvalid = Error.Validation("catalog.limit_invalid", "时限须写作如“4h”（工作小时）或“3d”（工作日），数值1–365。");
    public static readonly Error LimitOrder = Error.Validation("catalog.limit_order", "响应时限不能长于办理时限。");
    public static readonly Error ItemRetired = Error.Conflict("catalog.item_retired", "该事项已停用。");
    public static readonly Error ItemActive = Error.Conflict("catalog.item_active", "该事项未停用。");

    // The Excel import (POST /api/catalog/import).
    public const long MaxFileBytes = 5 * 1024 * 1024;
    public const int MaxRows = 5000;
    public static readonly Error FileInvalid = Error.Validation("catalog.file_invalid", "请上传.xlsx格式的事项清单（可先导出一份作为模板）。");
    public static readonly Error FileTooLarge = new("catalog.file_too_large", "文件不能超过5MB。", StatusCodes.Status413PayloadTooLarge);
    public static readonly Error TooManyRows = Error.Validation("catalog.too_many_rows", $"一次最多导入{MaxRows}行。");
    public static Error ColumnsMissing(IEnumerable<string> columns) =>
        Error.Validation("catalog.columns_missing", $"表头缺少必填列：{string.Join("、", columns)}。请以导出的清单为模板。");
    public static readonly Error FlagInvalid = Error.Validation("catalog.flag_invalid", "请填写“是”或“否”。");
    public static readonly Error StatusInvalid = Error.Validation("catalog.status_invalid", "状态须为“启用”或“停用”。");
    public static readonly Error CodeDuplicate = Error.Validation("catalog.code_duplicate", "文件中有重复的事项编码。");
    public static readonly Error CategoryNameConflict = Error.Validation("catalog.category_conflict", "同一大类编码在文件中对应了不同的大类名称。");
    public static Error ImportInvalid(int rows) =>
        Error.Validation("catalog.import_invalid", $"有{rows}行数据有误，未导入任何数据。请按错误清单修改后重新导入。");
}
