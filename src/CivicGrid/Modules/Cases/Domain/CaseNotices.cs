namespace CivicGrid.Modules.Cases.Domain;

/// <summary>
/// What a case notice says, so that a page can say it in its reader's language (Ui.resx <c>CaseNotice.*</c>, with the
/// notice's argument as {0}). The notice also keeps the Chinese text, which the API answers and which is all that notices
/// written before this existed have.
/// </summary>
public enum NoticeMessage
{
    Accepted = 1, Rejected = 2, DispatchedTo = 3, Handled = 4, Closed = 5, Merged = 6,
    NewDispatch = 7, WhistleLead = 8, WhistleCooperate = 9, ResponseOverdue = 10, TurnedYellow = 11, TurnedRed = 12,
    Supervision = 13, Reopen = 14,
}

/// <summary>Who hears about a transition: the reporter follows their case; units hear of new work, reminders and supervision.</summary>
public static class CaseNotices
{
    public static IEnumerable<CaseNotice> For(Case c, CaseTransition t)
    {
        if (c.ReporterAccountId is { } reporter && t.ActorAccountId != reporter && ForReporter(t) is { } said)
            yield return New(c, t, NoticeKind.Status, said, account: reporter);

        switch (t.Action)
        {
            case CaseAction.Dispatch or CaseAction.Whistle when t.UnitId is { } unit:
                yield return New(c, t, NoticeKind.NewInQueue, t.Action != CaseAction.Whistle ? (NoticeMessage.NewDispatch, null)
                    : t.UnitRole == AssignmentRole.Lead ? (NoticeMessage.WhistleLead, null) : (NoticeMessage.WhistleCooperate, null), unit: unit);
                break;
            case CaseAction.RemindResponse when t.UnitId is { } unit:
                yield return New(c, t, NoticeKind.Reminder, (NoticeMessage.ResponseOverdue, null), unit: unit);
                break;
            case CaseAction.TurnYellow or CaseAction.TurnRed or CaseAction.SendSupervisionNotice or CaseAction.FailVerification or CaseAction.Reopen:
                var kind = t.Action is CaseAction.TurnYellow or CaseAction.TurnRed ? NoticeKind.Reminder : NoticeKind.Supervision;
                var message = t.Action switch
                {
                    CaseAction.TurnYellow => NoticeMessage.TurnedYellow,
                    CaseAction.TurnRed => NoticeMessage.TurnedRed,
                    CaseAction.SendSupervisionNotice => NoticeMessage.Supervision,
                    _ => NoticeMessage.Reopen,
                };
                var argument = message is NoticeMessage.Supervision or NoticeMessage.Reopen ? t.Comment : null;
                foreach (var a in c.ActiveAssignments.Where(a => a.Role == AssignmentRole.Lead))
                    yield return New(c, t, kind, (message, argument), unit: a.UnitId);
                break;
        }
    }

    static (NoticeMessage, string?)? ForReporter(CaseTransition t) => t.Action switch
    {
        CaseAction.Accept => (NoticeMessage.Accepted, null),
        CaseAction.Reject => (NoticeMessage.Rejected, t.Comment),
        CaseAction.Dispatch or CaseAction.Whistle when t.UnitRole == AssignmentRole.Lead => (NoticeMessage.DispatchedTo, t.UnitName),
        CaseAction.ReportHandled => (NoticeMessage.Handled, null),
        CaseAction.Close => (NoticeMessage.Closed, null),
        CaseAction.MergeInto => (NoticeMessage.Merged, null),
        _ => null,
    };

    /// <summary>The notice in Chinese, as stored in its text; Ui.resx's <c>CaseNotice.*</c> says the same (a unit test holds them together).</summary>
    public static string ToChinese(NoticeMessage message, string? argument) => message switch
    {
        NoticeMessage.Accepted => "您反映的问题已受理",
        NoticeMessage.Rejected => $"您反映的问题不予受理：{argument}",
        NoticeMessage.DispatchedTo => $"已派至{argument}办理",
        NoticeMessage.Handled => "您反映的问题已办结，等待核查",
        NoticeMessage.Closed => "您反映的问题已结案，请评价办理结果",
        NoticeMessage.Merged => "您反映的问题与已有案件合并办理",
        NoticeMessage.NewDispatch => "新派遣案件，请及时签收",
        NoticeMessage.WhistleLead => "街道吹哨：请在响应时限内报到（主办）",
        NoticeMessage.WhistleCooperate => "街道吹哨：请在响应时限内报到（协办）",
        NoticeMessage.ResponseOverdue => "已超过响应时限，请立即签收",
        NoticeMessage.TurnedYellow => "办理时限已过80%，请抓紧办理",
        NoticeMessage.TurnedRed => "案件已超期，请立即办理",
        NoticeMessage.Supervision => $"督办通知：{argument}",
        NoticeMessage.Reopen => $"案件需重办：{argument}",
        _ => throw new ArgumentOutOfRangeException(nameof(message), message, null),
    };

    /// <summary>What a notice's text column takes; a longer comment is cut short there (the history keeps it whole).</summary>
    public const int MaxText = 500;

    static CaseNotice New(Case c, CaseTransition t, NoticeKind kind, (NoticeMessage Message, string? Argument) said, Guid? account = null, Guid? unit = null) => new()
    {
        CaseId = c.Id, CaseNumber = c.Number, AccountId = account, UnitId = unit, Kind = kind, At = t.At,
        Message = said.Message, Argument = Cut(said.Argument), Text = Cut(ToChinese(said.Message, said.Argument))!,
    };

    static string? Cut(string? text) => text is null || text.Length <= MaxText ? text : text[..(MaxText - 1)] + "…";
}
