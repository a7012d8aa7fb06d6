using CivicGrid.Shared;

namespace CivicGrid.Modules.Volunteering.Domain;

/// <summary>The expected refusals of dual registration, activities, check-in and micro-wishes (codes are stable; texts in Ui.resx).</summary>
public static class VolunteerErrors
{
    public static readonly Error IdentityMismatch = Error.Validation("volunteer.identity_mismatch", "身份核验未通过：未找到与姓名、身份证号、工作单位相符的在职党员记录。");
    public static readonly Error AlreadyRegistered = Error.Conflict("volunteer.already_registered", "已经报到，无需重复报到。");
    public static readonly Error CommunityUnknown = Error.Validation("volunteer.community_unknown", "报到社区不存在。");
    public static readonly Error RegistrationNotPending = Error.Conflict("volunteer.registration_not_pending", "该报到已确认。");
    public static readonly Error ActivityInvalid = Error.Validation("volunteer.activity_invalid", "活动信息不完整：须有标题、地点，结束时间晚于开始时间，名额至少1个。");
    public static readonly Error AlreadySignedUp = Error.Conflict("volunteer.already_signed_up", "您已报名该活动。");
    public static readonly Error SignUpClosed = Error.Conflict("volunteer.signup_closed", "活动已结束，不能再报名。");
    public static readonly Error NotSignedUp = Error.Conflict("volunteer.not_signed_up", "您没有该活动的有效报名（候补中不能签到）。");
    public static readonly Error CodeStale = Error.Validation("volunteer.code_stale", "签到码已过期，请扫描组织者屏幕上的最新二维码。");
    public static readonly Error CodeForeign = Error.Validation("volunteer.code_foreign", "该二维码不属于本活动。");
    public static readonly Error OutsideTime = Error.Conflict("volunteer.outside_time", "不在活动签到签退时间内。");
    public static readonly Error AlreadyCheckedIn = Error.Conflict("volunteer.already_checked_in", "您已签到，请勿重复签到。");
    public static readonly Error NotCheckedIn = Error.Conflict("volunteer.not_checked_in", "尚未签到，不能签退。");
    public static readonly Error AlreadyCheckedOut = Error.Conflict("volunteer.already_checked_out", "您已签退。");
    public static readonly Error CorrectionInvalid = Error.Validation("volunteer.correction_invalid", "更正须填写0至1440之间的分钟数和更正理由。");
    public static readonly Error WishInvalid = Error.Validation("volunteer.wish_invalid", "请填写心愿内容；代居民发布时须选择居民。");
    public static readonly Error WishTaken = Error.Conflict("volunteer.wish_taken", "该心愿已被认领。");
    public static readonly Error WishNotClaimed = Error.Conflict("volunteer.wish_not_claimed", "只有认领人能在认领后提交完成情况。");
    public static readonly Error WishProofRequired = Error.Validation("volunteer.wish_proof_required", "请上传至少一张完成照片。");
    public static readonly Error WishNotFulfilled = Error.Conflict("volunteer.wish_not_fulfilled", "心愿尚未提交完成，不能确认。");
    public static readonly Error UploadUnknown = Error.Validation("volunteer.upload_unknown", "照片不存在、已使用或已过期，请重新上传。");
}
