using CivicGrid.Shared;

namespace CivicGrid.Modules.Open311;

/// <summary>Refusals of the Open311 endpoints themselves; the intake's own (description, location, item) come from Cases.</summary>
public static class Open311Errors
{
    public static readonly Error ApiKeyInvalid = new("open311.api_key_invalid", "api_key 无效或缺失，请向平台管理员申请。", StatusCodes.Status403Forbidden);
    public static readonly Error ServiceUnknown = Error.NotFound("open311.service_unknown", "服务类别不存在或已停用。");
    public static readonly Error RequestNotFound = Error.NotFound("open311.request_not_found", "诉求不存在。");
    public static readonly Error DateInvalid = Error.Validation("open311.date_invalid", "日期格式无效，请使用 ISO 8601 格式，如 2026-11-01T00:00:00+08:00。");
    public static readonly Error WindowInvalid = Error.Validation("open311.window_invalid", "start_date 不能晚于 end_date。");
    public static readonly Error WindowTooLong = Error.Validation("open311.window_too_long", "查询时间范围不能超过90天。");
    public static readonly Error StatusInvalid = Error.Validation("open311.status_invalid", "status 只能为 open 或 closed。");
    public static readonly Error CoordinatesInvalid = Error.Validation("open311.coordinates_invalid", "lat 和 long 须为数字（WGS-84 经纬度）。");
    public static readonly Error FormRequired = Error.Validation("open311.form_required", "请以 application/x-www-form-urlencoded 格式提交。");
}
