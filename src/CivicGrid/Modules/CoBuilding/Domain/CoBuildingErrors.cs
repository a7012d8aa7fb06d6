using CivicGrid.Shared;

namespace CivicGrid.Modules.CoBuilding.Domain;

/// <summary>The module's expected failures; each code has an <c>Error.&lt;code&gt;</c> text in Ui.resx.</summary>
public static class CoBuildingErrors
{
    public static readonly Error NotAUnit = new("cobuilding.not_a_unit", "只有共建单位账号可以进行此操作。", StatusCodes.Status403Forbidden);
    public static readonly Error NotYourUnit = new("cobuilding.not_your_unit", "不能代表其他单位操作。", StatusCodes.Status403Forbidden);
    public static readonly Error UnitRequired = Error.Validation("cobuilding.unit_required", "请选择以哪个单位的名义操作。");
    public static readonly Error OutsideScope = new("cobuilding.outside_scope", "该区域不在您的管辖范围内。", StatusCodes.Status403Forbidden);
    public static readonly Error UnknownUnit = Error.Validation("cobuilding.unit_unknown", "单位不存在或不在本区县。");
    public static readonly Error UnknownCategory = Error.Validation("cobuilding.category_unknown", "类别不存在。");
    public static readonly Error TitleRequired = Error.Validation("cobuilding.title_required", "请填写名称或议题。");
    public static readonly Error LocationRequired = Error.Validation("cobuilding.location_required", "请在地图上标出地点。");
    public static readonly Error WindowInvalid = Error.Validation("cobuilding.window_invalid", "可用时段的结束时间须晚于开始时间。");
    public static readonly Error AreaInvalid = Error.Validation("cobuilding.area_invalid", "联盟须对应一个街道或社区。");
    public static readonly Error AlreadyMember = Error.Conflict("cobuilding.already_member", "该单位已是联盟成员。");
    public static readonly Error NotMember = Error.Validation("cobuilding.not_member", "该单位不是联盟成员单位。");
    public static readonly Error MeetingFinalised = Error.Conflict("cobuilding.meeting_finalised", "会议记录已定稿，不能再修改。");
    public static readonly Error CaseNotFound = Error.Validation("cobuilding.case_not_found", "案件编号不存在或不在您的管辖范围内。");
    public static readonly Error ProjectNotFound = Error.Validation("cobuilding.project_not_found", "项目不存在或不在您的管辖范围内。");
    public static readonly Error FollowUpTarget = Error.Validation("cobuilding.follow_up_target", "后续事项须关联一个案件（新建或已有编号）或一个项目。");
    public static readonly Error NeedTaken = Error.Conflict("cobuilding.need_taken", "该需求已被其他单位认领。");
    public static readonly Error NeedNotClaimed = Error.Conflict("cobuilding.need_not_claimed", "该需求当前没有待确认的认领。");
    public static readonly Error ReasonRequired = Error.Validation("cobuilding.reason_required", "请填写原因。");
    public static readonly Error ResourceWithdrawn = Error.Conflict("cobuilding.resource_withdrawn", "该资源已撤回。");
    public static readonly Error ProjectTaken = Error.Conflict("cobuilding.project_taken", "该项目已被其他单位认领。");
    public static readonly Error ProjectNotYours = new("cobuilding.project_not_yours", "该项目不是您的单位认领的。", StatusCodes.Status403Forbidden);
    public static readonly Error ProjectState = Error.Conflict("cobuilding.project_state", "项目当前状态不能进行此操作。");
    public static readonly Error MilestonesRequired = Error.Validation("cobuilding.milestones_required", "请至少填写一个里程碑及其截止日期。");
    public static readonly Error MilestoneUnknown = Error.Validation("cobuilding.milestone_unknown", "里程碑不存在。");
    public static readonly Error ProofRequired = Error.Validation("cobuilding.proof_required", "请上传完成佐证材料。");
    public static readonly Error ScoreInvalid = Error.Validation("cobuilding.score_invalid", "评价分数须在0至100之间。");
    public static readonly Error YearInvalid = Error.Validation("cobuilding.year_invalid", "年度无效。");
    public static readonly Error NotPaired = Error.Validation("cobuilding.not_paired", "该单位不是本社区大党委的成员单位，不能签订共建契约。");
    public static readonly Error AccountUnknown = Error.Validation("cobuilding.account_unknown", "账号不存在。");
    public static readonly Error OutsideGrids = Error.Validation("cobuilding.outside_grids", "该地点不在任何网格内。");
    public static readonly Error DateRequired = Error.Validation("cobuilding.date_required", "请填写签订日期。");
}
