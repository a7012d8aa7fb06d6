namespace CivicGrid.Modules.Cases.Domain;

/// <summary>Where a case stands in the closed loop (DOMAIN.md §3). Only <see cref="Case"/> moves it.</summary>
public enum CaseStatus
{
    Reported = 1,   // 上报
    Accepted = 2,   // 受理 (also: back with the dispatcher after a return or an escalation)
    Rejected = 3,   // 不予受理
    Dispatched = 4, // 派遣
    SignedFor = 5,  // 签收
    Handling = 6,   // 处置中
    Handled = 7,    // 办结反馈
    Verified = 8,   // 核查
    Closed = 9,     // 结案
    Rated = 10,     // 评价
    Merged = 11,    // 并单: folded into another case
}

/// <summary>Where a case came from (来源).</summary>
public enum CaseSource
{
    Patrol = 1,        // 网格巡查
    Resident = 2,      // 居民上报
    Hotline = 3,       // 12345热线
    SecretaryLine = 4, // 书记直通车
    HomeVisit = 5,     // 入户走访
    Phone = 6,         // 电话
    WalkIn = 7,        // 来访
    Open311 = 8,       // 第三方应用 (Open311 GeoReport v2)
}

public enum CasePriority { Normal = 1, Urgent = 2 }

/// <summary>The resident's (or the return visit's) verdict: 满意 / 基本满意 / 不满意.</summary>
public enum Satisfaction { Satisfied = 1, BasicallySatisfied = 2, Dissatisfied = 3 }

/// <summary>The level that owns a case now (分级响应): a case starts with its community and is lifted one level at a time (上提一级).</summary>
public enum CaseLevel { Community = 1, Street = 2, District = 3 }

public static class CaseStatuses
{
    /// <summary>States in which the case is with the handling units and its handling limit runs.</summary>
    public static readonly CaseStatus[] WithHandlers = [CaseStatus.Dispatched, CaseStatus.SignedFor, CaseStatus.Handling];

    public static readonly CaseStatus[] Finished = [CaseStatus.Rejected, CaseStatus.Closed, CaseStatus.Rated, CaseStatus.Merged];

    public static bool IsOpen(this CaseStatus s) => !Finished.Contains(s);

    public static string ToChinese(this CaseStatus s) => s switch
    {
        CaseStatus.Reported => "已上报", CaseStatus.Accepted => "已受理", CaseStatus.Rejected => "不予受理",
        CaseStatus.Dispatched => "已派遣", CaseStatus.SignedFor => "已签收", CaseStatus.Handling => "处置中",
        CaseStatus.Handled => "已办结反馈", CaseStatus.Verified => "已核查", CaseStatus.Closed => "已结案",
        CaseStatus.Rated => "已评价", CaseStatus.Merged => "已并单", _ => s.ToString(),
    };
}
