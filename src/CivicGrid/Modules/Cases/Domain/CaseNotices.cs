namespace CivicGrid.Modules.Cases.Domain;

/// <summary>Who hears about a transition: the reporter follows their case; units hear of new work, reminders and supervision.</summary>
public static class CaseNotices
{
    public static IEnumerable<CaseNotice> For(Case c, CaseTransition t)
    {
        if (c.ReporterAccountId is { } reporter && t.ActorAccountId != reporter && ForReporter(t) is { } text)
            yield return New(c, t, NoticeKind.Status, text, account: reporter);

        switch (t.Action)
        {
            case CaseAction.Dispatch or CaseAction.Whistle when t.UnitId is { } unit:
                yield return New(c, t, NoticeKind.NewInQueue, t.Action == CaseAction.Whistle
                    ? $"街道吹哨：请在响应时限内报到（{(t.UnitRole == AssignmentRole.Lead ? "主办" : "协办")}）" : "新派遣案件，请及时签收", unit: unit);
                break;
            case CaseAction.RemindResponse when t.UnitId is { } unit:
                yield return New(c, t, NoticeKind.Reminder, "已超过响应时限，请立即签收", unit: unit);
                break;
            case CaseAction.TurnYellow or CaseAction.TurnRed or CaseAction.SendSupervisionNotice or CaseAction.FailVerification or CaseAction.Reopen:
                var kind = t.Action is CaseAction.TurnYellow or CaseAction.TurnRed ? NoticeKind.Reminder : NoticeKind.Supervision;
                var message = t.Action switch
                {
                    CaseAction.TurnYellow => "办理时限已过80%，请抓紧办理",
                    CaseAction.TurnRed => "案件已超期，请立即办理",
                    CaseAction.SendSupervisionNotice => $"督办通知：{t.Comment}",
                    _ => $"案件需重办：{t.Comment}",
                };
                foreach (var a in c.ActiveAssignments.Where(a => a.Role == AssignmentRole.Lead))
                    yield return New(c, t, kind, message, unit: a.UnitId);
                break;
        }
    }

    static string? ForReporter(CaseTransition t) => t.Action switch
    {
        CaseAction.Accept => "您反映的问题已受理",
        CaseAction.Reject => $"您反映的问题不予受理：{t.Comment}",
        CaseAction.Dispatch or CaseAction.Whistle when t.UnitRole == AssignmentRole.Lead => $"已派至{t.UnitName}办理",
        CaseAction.ReportHandled => "您反映的问题已办结，等待核查",
        CaseAction.Close => "您反映的问题已结案，请评价办理结果",
        CaseAction.MergeInto => "您反映的问题与已有案件合并办理",
        _ => null,
    };

    /// <summary>What a notice's text column takes; a longer comment is cut short there (the history keeps it whole).</summary>
    public const int MaxText = 500;

    static CaseNotice New(Case c, CaseTransition t, NoticeKind kind, string text, Guid? account = null, Guid? unit = null) => new()
    {
        CaseId = c.Id, CaseNumber = c.Number, AccountId = account, UnitId = unit, Kind = kind, At = t.At,
        Text = text.Length <= MaxText ? text : text[..(MaxText - 1)] + "…",
    };
}
