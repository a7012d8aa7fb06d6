using CivicGrid.Modules.Calendar.Domain;
using Microsoft.Extensions.Time.Testing;

namespace CivicGrid.UnitTests.Calendar;

public sealed class DeadlineTests
{
    static readonly TimeSpan Tick = TimeSpan.FromTicks(1);
    readonly WorkingCalendar _calendar = Cst.Official;

    [Fact]
    public void Turns_yellow_just_past_80_percent_of_the_working_time_and_red_just_past_due()
    {
        var start = Cst.At("2026-03-09 09:00");
        var deadline = _calendar.DeadlineFor(start, _calendar.AddWorkingHours(start, 7));
        // 80% of 7 h is 5 h 36 min: 3 h in the morning, 2 h 36 min after 13:30.
        Assert.Equal(Cst.At("2026-03-09 16:06"), deadline.YellowAt);
        Assert.Equal(TimeSpan.FromHours(7 * 0.8), _calendar.WorkingTimeBetween(start, deadline.YellowAt));

        var clock = new FakeTimeProvider(start);
        Assert.Equal(DeadlineStatus.Green, deadline.StatusAt(clock.GetUtcNow()));
        clock.SetUtcNow(deadline.YellowAt);
        Assert.Equal(DeadlineStatus.Green, deadline.StatusAt(clock.GetUtcNow()));
        clock.Advance(Tick);
        Assert.Equal(DeadlineStatus.Yellow, deadline.StatusAt(clock.GetUtcNow()));
        clock.SetUtcNow(deadline.Due);
        Assert.Equal(DeadlineStatus.Yellow, deadline.StatusAt(clock.GetUtcNow()));
        clock.Advance(Tick);
        Assert.Equal(DeadlineStatus.Red, deadline.StatusAt(clock.GetUtcNow()));
    }

    [Fact]
    public void An_80_percent_point_at_the_lunch_break_waits_for_the_afternoon()
    {
        var start = Cst.At("2026-03-09 09:00");
        var deadline = _calendar.DeadlineFor(start, _calendar.AddWorkingHours(start, 3.75)); // 80% = the 3 morning hours
        Assert.Equal(Cst.At("2026-03-09 14:15"), deadline.Due);
        Assert.Equal(Cst.At("2026-03-09 13:30"), deadline.YellowAt);
        Assert.Equal(DeadlineStatus.Green, deadline.StatusAt(Cst.At("2026-03-09 12:45")));
        Assert.Equal(DeadlineStatus.Yellow, deadline.StatusAt(Cst.At("2026-03-09 13:30") + Tick));
    }

    [Fact]
    public void Stays_green_through_the_Spring_Festival()
    {
        var start = Cst.At("2026-02-13 09:00");
        var deadline = _calendar.DeadlineFor(start, _calendar.AddWorkingDays(start, 2)); // Saturday 2/14, then Tuesday 2/24
        Assert.Equal(Cst.At("2026-02-24 17:30"), deadline.Due);
        // 21 working hours (2/13, 2/14, 2/24); 80% = 16.8 h, reached 2 h 48 min into Tuesday 2/24.
        Assert.Equal(Cst.At("2026-02-24 11:48"), deadline.YellowAt);
        var clock = new FakeTimeProvider(start);
        clock.SetUtcNow(Cst.At("2026-02-20 10:00"));
        Assert.Equal(DeadlineStatus.Green, deadline.StatusAt(clock.GetUtcNow()));
        clock.SetUtcNow(Cst.At("2026-02-24 11:49"));
        Assert.Equal(DeadlineStatus.Yellow, deadline.StatusAt(clock.GetUtcNow()));
    }

    [Fact]
    public void A_limit_started_on_a_weekend_counts_from_Monday_morning()
    {
        var start = Cst.At("2026-03-07 10:00"); // Saturday
        var deadline = _calendar.DeadlineFor(start, _calendar.AddWorkingHours(start, 7));
        Assert.Equal(Cst.At("2026-03-09 17:30"), deadline.Due);
        Assert.Equal(Cst.At("2026-03-09 16:06"), deadline.YellowAt);
        Assert.Equal(DeadlineStatus.Green, deadline.StatusAt(Cst.At("2026-03-09 16:00")));
    }

    [Fact]
    public void A_limit_due_at_its_start_is_red_right_after()
    {
        var start = Cst.At("2026-03-09 10:00");
        var deadline = _calendar.DeadlineFor(start, start);
        Assert.Equal(DeadlineStatus.Green, deadline.StatusAt(start));
        Assert.Equal(DeadlineStatus.Red, deadline.StatusAt(start + Tick));
    }
}
