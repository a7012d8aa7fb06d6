namespace CivicGrid.Modules.Cases.Domain;

/// <summary>
/// What the platform itself wrote into a history entry's comment (a reminder, a flag, a merge, a correction), so that a
/// page can say it in its reader's language: Ui.resx <c>CaseNote.*</c>, with the entry's note arguments as {0}, {1}. The
/// entry keeps the Chinese comment too, which the API answers and which is all that entries written before this have.
/// A comment a person wrote has no note.
/// </summary>
public enum CaseNote
{
    TurnedYellow = 1, TurnedRed = 2, ResponseOverdue = 3,
    FlaggedOverdue = 4, FlaggedReturns = 5, FlaggedBySupervisor = 6,
    MergedInto = 7, AbsorbedDuplicate = 8, Relocated = 9, ExtensionAsked = 10,
}

public static class CaseNotes
{
    /// <summary>The note in Chinese, as the entry's comment stores it; Ui.resx says the same (a unit test holds them together).</summary>
    public static string ToChinese(CaseNote note, IReadOnlyList<string> a) => note switch
    {
        CaseNote.TurnedYellow => "办理时限已过80%",
        CaseNote.TurnedRed => "已超过办理时限",
        CaseNote.ResponseOverdue => $"{a[0]}超过响应时限未签收",
        CaseNote.FlaggedOverdue => "超期未办结",
        CaseNote.FlaggedReturns => "多次退单",
        CaseNote.FlaggedBySupervisor => "督办",
        CaseNote.MergedInto => $"并入案件 {a[0]}",
        CaseNote.AbsorbedDuplicate => $"并入重复案件 {a[0]}",
        CaseNote.Relocated => $"更正位置：{a[0]} → {a[1]}",
        CaseNote.ExtensionAsked => $"申请延期{a[0]}个工作日：{a[1]}",
        _ => throw new ArgumentOutOfRangeException(nameof(note), note, null),
    };

    /// <summary>How many arguments each note takes.</summary>
    public static int ArgumentsOf(CaseNote note) => note switch
    {
        CaseNote.ResponseOverdue or CaseNote.MergedInto or CaseNote.AbsorbedDuplicate => 1,
        CaseNote.Relocated or CaseNote.ExtensionAsked => 2,
        _ => 0,
    };
}
