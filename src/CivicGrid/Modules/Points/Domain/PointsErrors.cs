using CivicGrid.Shared;

namespace CivicGrid.Modules.Points.Domain;

/// <summary>The points module's expected failures; each code maps to Error.&lt;code&gt; in Ui.resx.</summary>
public static class PointsErrors
{
    public static readonly Error Insufficient = Error.Conflict("points.insufficient", "积分余额不足。");
    public static readonly Error OutOfStock = Error.Conflict("points.out_of_stock", "该兑换项目已无库存。");
    public static readonly Error ItemUnavailable = Error.Conflict("points.item_unavailable", "该兑换项目已下架。");
    public static readonly Error CodeUnknown = Error.NotFound("points.code_unknown", "兑换码不存在，或不属于本商户。");
    public static readonly Error CodeUsed = Error.Conflict("points.code_used", "该兑换码已核销，不能重复使用。");
    public static readonly Error CodeCancelled = Error.Conflict("points.code_cancelled", "该兑换码已取消，积分已退还。");
    public static readonly Error AlreadyReversed = Error.Conflict("points.already_reversed", "该积分记录已冲正过，不能重复冲正。");
    public static readonly Error NotReversible = Error.Conflict("points.not_reversible", "冲正记录不能再冲正；兑换请通过取消兑换退还积分。");
    public static readonly Error ExpiryFinal = Error.Conflict("points.expiry_final", "过期记录按规则生成，不能冲正。");
    public static readonly Error ReasonRequired = Error.Validation("points.reason_required", "请填写冲正原因。");
    public static readonly Error UnknownKind = Error.Validation("points.unknown_kind", "未知的积分规则类型。");
    public static readonly Error InvalidRule = Error.Validation("points.invalid_rule", "积分值和上限不能为负数，有效期须在 0 至 120 个月之间。");
    public static readonly Error InvalidItem = Error.Validation("points.invalid_item", "请填写名称，兑换积分须大于 0，库存不能为负数。");
    public static readonly Error UnknownMerchant = Error.Validation("points.unknown_merchant", "请选择本辖区内的合作商户。");
    public static readonly Error NotCommunity = Error.Validation("points.not_community", "请选择一个社区。");
}
