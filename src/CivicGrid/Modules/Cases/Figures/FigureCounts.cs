using CivicGrid.Modules.Cases.Domain;

namespace CivicGrid.Modules.Cases.Figures;

/// <summary>
/// The counters of the closed loop's figures (指标, DOMAIN.md §3) for one community or one unit over some days. The rates
/// are read from them, never stored: a rate of sums is right over any period, a sum of rates is not.
/// </summary>
public class FigureCounts
{
    /// <summary>案件量: cases reported (on-the-spot ones included).</summary>
    public int Reported { get; set; }
    /// <summary>巡办合一: settled on the spot by a grid worker.</summary>
    public int OnTheSpot { get; set; }
    /// <summary>Dispatches (派遣 or 吹哨) to a lead unit; for a unit, any dispatch to it.</summary>
    public int Dispatched { get; set; }
    public int Signed { get; set; }
    public int SignedInTime { get; set; }
    /// <summary>办结反馈 reported, and on-the-spot closes.</summary>
    public int Handled { get; set; }
    public int HandledOnTime { get; set; }
    /// <summary>Working minutes from dispatch (or reopen) to handled, summed over <see cref="TimedHandled"/> entries.</summary>
    public long HandlingMinutes { get; set; }
    /// <summary>Handled entries that carry working minutes (on-the-spot ones do not).</summary>
    public int TimedHandled { get; set; }
    public int Closed { get; set; }
    public int Solved { get; set; }
    public int Satisfied { get; set; }
    public int BasicallySatisfied { get; set; }
    public int Dissatisfied { get; set; }
    public int Returns { get; set; }
    public int Reopens { get; set; }
    public int Escalations { get; set; }
    public int Whistles { get; set; }

    public int Rated => Satisfied + BasicallySatisfied + Dissatisfied;

    /// <summary>响应率 = signed for within the response limit ÷ dispatched; null when nothing was dispatched.</summary>
    public double? ResponseRate => Rate(SignedInTime, Dispatched);
    /// <summary>解决率 = closed as solved ÷ closed.</summary>
    public double? ResolutionRate => Rate(Solved, Closed);
    /// <summary>满意率 = (满意 + 基本满意) ÷ rated.</summary>
    public double? SatisfactionRate => Rate(Satisfied + BasicallySatisfied, Rated);
    /// <summary>按期办结率 = handled within the handling limit ÷ handled.</summary>
    public double? OnTimeRate => Rate(HandledOnTime, Handled);
    /// <summary>Average handling time in working minutes.</summary>
    public double? AverageHandlingMinutes => TimedHandled == 0 ? null : Math.Round((double)HandlingMinutes / TimedHandled, 1);

    public bool IsEmpty => Reported + OnTheSpot + Dispatched + Signed + Handled + Closed + Rated + Returns + Reopens + Escalations + Whistles == 0;

    public FigureCounts Add(FigureCounts o)
    {
        Reported += o.Reported; OnTheSpot += o.OnTheSpot; Dispatched += o.Dispatched; Signed += o.Signed;
        SignedInTime += o.SignedInTime; Handled += o.Handled; HandledOnTime += o.HandledOnTime;
        HandlingMinutes += o.HandlingMinutes; TimedHandled += o.TimedHandled; Closed += o.Closed; Solved += o.Solved;
        Satisfied += o.Satisfied; BasicallySatisfied += o.BasicallySatisfied; Dissatisfied += o.Dissatisfied;
        Returns += o.Returns; Reopens += o.Reopens; Escalations += o.Escalations; Whistles += o.Whistles;
        return this;
    }

    /// <summary>The same counts with the opposite sign: what a month's row minus its later days is read with.</summary>
    public FigureCounts Negated() => new()
    {
        Reported = -Reported, OnTheSpot = -OnTheSpot, Dispatched = -Dispatched, Signed = -Signed, SignedInTime = -SignedInTime,
        Handled = -Handled, HandledOnTime = -HandledOnTime, HandlingMinutes = -HandlingMinutes, TimedHandled = -TimedHandled,
        Closed = -Closed, Solved = -Solved, Satisfied = -Satisfied, BasicallySatisfied = -BasicallySatisfied,
        Dissatisfied = -Dissatisfied, Returns = -Returns, Reopens = -Reopens, Escalations = -Escalations, Whistles = -Whistles,
    };

    static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>The day an entry counts on: its date in China Standard Time (UTC+8, no daylight saving).</summary>
    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(ChinaOffset).DateTime);

    /// <summary>
    /// The day an entry's counts go to: its own day, except a sign-for, which counts on its dispatch's day. The response
    /// rate of a period is then about the dispatches of that period (of them, how many were signed for in time), and can
    /// never pass 100 % — counted on its own day, a sign-for in this period of a dispatch of the last one raised the
    /// numerator without the denominator. Entries stored before sign-fors recorded their dispatch count on their own day.
    /// </summary>
    public static DateOnly CountDayOf(CaseTransition t) =>
        DayOf(t.Action == CaseAction.SignFor && t.DispatchedAt is { } dispatched ? dispatched : t.At);

    /// <summary>The community an entry counts for: the first 12 digits of the case's grid at the time.</summary>
    public static string CommunityOf(CaseTransition t) => t.AreaCode.Length > 12 ? t.AreaCode[..12] : t.AreaCode;

    /// <summary>What one history entry adds to its community's figures (the rules of Figures/README.md); null if nothing.</summary>
    public static FigureCounts? ForArea(CaseTransition t)
    {
        var lead = t.UnitRole == AssignmentRole.Lead;
        var c = new FigureCounts();
        switch (t.Action)
        {
            case CaseAction.Report: c.Reported = 1; break;
            case CaseAction.CloseOnTheSpot:
                // Settled at once: handled on time, closed and solved in one step, with no working time to average.
                (c.OnTheSpot, c.Handled, c.HandledOnTime, c.Closed, c.Solved) = (1, 1, 1, 1, 1);
                break;
            case CaseAction.Dispatch when lead: c.Dispatched = 1; break;
            case CaseAction.Whistle when lead: (c.Dispatched, c.Whistles) = (1, 1); break;
            case CaseAction.SignFor when lead: (c.Signed, c.SignedInTime) = (1, t.InTime == true ? 1 : 0); break;
            case CaseAction.ReportHandled: CountHandled(c, t); break;
            case CaseAction.Close: (c.Closed, c.Solved) = (1, t.Solved == true ? 1 : 0); break;
            case CaseAction.Rate when t.Rating == Satisfaction.Satisfied: c.Satisfied = 1; break;
            case CaseAction.Rate when t.Rating == Satisfaction.BasicallySatisfied: c.BasicallySatisfied = 1; break;
            case CaseAction.Rate when t.Rating == Satisfaction.Dissatisfied: c.Dissatisfied = 1; break;
            // A lead's return sends the whole case back; a cooperating unit only withdraws itself.
            case CaseAction.Return when lead: c.Returns = 1; break;
            case CaseAction.FailVerification or CaseAction.Reopen: c.Reopens = 1; break;
            case CaseAction.Escalate: c.Escalations = 1; break;
            default: return null;
        }
        return c;
    }

    /// <summary>
    /// What one history entry adds to the figures of the unit it concerns; null if nothing. A unit answers for every
    /// dispatch to it, lead or cooperating: a unit summoned by a whistle must report (报到) in time as well.
    /// </summary>
    public static FigureCounts? ForUnit(CaseTransition t)
    {
        if (t.UnitId is null) return null;
        var c = new FigureCounts();
        switch (t.Action)
        {
            case CaseAction.Dispatch or CaseAction.Whistle: c.Dispatched = 1; break;
            case CaseAction.SignFor: (c.Signed, c.SignedInTime) = (1, t.InTime == true ? 1 : 0); break;
            case CaseAction.ReportHandled: CountHandled(c, t); break;
            case CaseAction.Return: c.Returns = 1; break;
            default: return null;
        }
        return c;
    }

    static void CountHandled(FigureCounts c, CaseTransition t)
    {
        (c.Handled, c.HandledOnTime) = (1, t.InTime == true ? 1 : 0);
        if (t.WorkingMinutes is { } minutes) (c.HandlingMinutes, c.TimedHandled) = (minutes, 1);
    }
}
