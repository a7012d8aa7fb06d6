using CivicGrid.Shared;

namespace CivicGrid.Modules.Cases.Domain;

/// <summary>Expected refusals of the closed loop, each with a stable code (and a Chinese message for people).</summary>
public static class CaseErrors
{
    public static Error IllegalMove(CaseStatus from, string action) =>
        Error.Conflict("case.illegal_transition", $"案件当前为“{from.ToChinese()}”状态，不能{action}。");

    public static readonly Error NotFound = Error.NotFound("case.not_found", "案件不存在。");
    public static readonly Error DescriptionRequired = Error.Validation("case.description_required", "请填写问题描述。");
    public static readonly Error DescriptionTooLong = Error.Validation("case.description_too_long", "问题描述不能超过4000字。");
    public static readonly Error OutsideGrids = Error.Validation("case.outside_grids", "所选位置不在任何网格内，请重新选择位置。");
    public static readonly Error LocationRequired = Error.Validation("case.location_required", "请在地图上选择位置或使用定位。");
    public static readonly Error UnknownItem = Error.Validation("case.unknown_item", "事项类别不存在或已停用。");
    public static readonly Error ReasonRequired = Error.Validation("case.reason_required", "请填写原因。");
    public static readonly Error CommentRequired = Error.Validation("case.comment_required", "请填写处置情况说明。");
    public static readonly Error PhotoRequired = Error.Validation("case.photo_required", "请上传现场照片。");
    public static readonly Error OnTheSpotNotAllowed = Error.Validation("case.on_the_spot_not_allowed", "该事项不允许网格员现场办结。");
    // A decision the request left out: a missing one is not taken as "no".
    public static readonly Error RatingRequired = Error.Validation("case.rating_required", "请选择评价结果。");
    public static readonly Error VerifyResultRequired = Error.Validation("case.verify_result_required", "请选择核查结果。");
    public static readonly Error SolvedRequired = Error.Validation("case.solved_required", "请选择问题是否已解决。");
    public static readonly Error DecisionRequired = Error.Validation("case.decision_required", "请选择同意或不同意延期。");
    public static readonly Error RatingInvalid = Error.Validation("case.rating_invalid", "满意度须为满意、基本满意或不满意。");
    public static readonly Error CommentTooLong = Error.Validation("case.comment_too_long", $"说明不能超过{MaxComment}字。");
    public static readonly Error AddressTooLong = Error.Validation("case.address_too_long", $"地址不能超过{MaxAddress}字。");
    public const int MaxComment = 4000, MaxAddress = 200;
    public static readonly Error NotYourLevel = Error.Conflict("case.not_your_level", "此案件不在您的层级或辖区办理：可能已上提到上一级，或属于其他社区、街道。");
    public static readonly Error PointOutsideYourArea =
        Error.Conflict("case.point_outside_scope", "新位置不在您的辖区内：请将案件上提，或请该位置所属社区、街道更正。");
    public static readonly Error NotAssignedToYou = Error.Conflict("case.not_assigned", "该案件未派给您的单位。");
    public static readonly Error NotLeadUnit = Error.Conflict("case.not_lead", "只有主办单位可以执行此操作。");
    public static readonly Error AlreadySigned = Error.Conflict("case.already_signed", "您的单位已签收该案件。");
    public static readonly Error UnitUnknown = Error.Validation("case.unit_unknown", "责任单位不存在。");
    public static readonly Error UnitTwice = Error.Validation("case.unit_twice", "同一单位不能重复派遣。");
    public static readonly Error WhistleNeedsCooperating = Error.Validation("case.whistle_needs_cooperating", "吹哨须至少召集一个协办单位。");
    public static readonly Error WhistleNeedsStreet = Error.Conflict("case.whistle_needs_street", "只有街道及以上层级可以吹哨。");
    public static readonly Error TopLevel = Error.Conflict("case.top_level", "案件已在区级，无法继续上提。");
    public static readonly Error ExtensionPending = Error.Conflict("case.extension_pending", "已有待审批的延期申请。");
    public static readonly Error NoExtensionPending = Error.Conflict("case.no_extension", "没有待审批的延期申请。");
    public static readonly Error ExtensionDaysInvalid = Error.Validation("case.extension_days", "延期天数须为1至30个工作日。");
    public static readonly Error NotReporter = Error.Conflict("case.not_reporter", "只有上报人可以评价此案件。");
    public static readonly Error NotDissatisfied = Error.Conflict("case.not_dissatisfied", "只有“不满意”的案件可以重办。");
    public static readonly Error MergeIntoSelf = Error.Validation("case.merge_self", "不能与自身并单。");
    public static readonly Error MergeTargetClosed = Error.Conflict("case.merge_target_closed", "目标案件已办结，不能并入。");
    public static readonly Error MergeOtherDistrict = Error.Validation("case.merge_other_district", "只能合并同一区县的案件。");
    public static readonly Error IdempotencyKeyReused = Error.Conflict("case.idempotency_key_reused", "该请求标识已用于另一内容不同的上报。");
}
