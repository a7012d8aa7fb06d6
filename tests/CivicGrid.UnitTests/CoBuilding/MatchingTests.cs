using CivicGrid.Modules.CoBuilding.Domain;

namespace CivicGrid.UnitTests.CoBuilding;

public sealed class MatchingTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    static Need Need(NeedUrgency urgency = NeedUrgency.Normal, string category = "venue") => new()
    {
        Id = Guid.NewGuid(), Category = category, Urgency = urgency, Longitude = 118.0, Latitude = 36.8, Status = NeedStatus.Open,
    };

    static Resource Resource(double dLon = 0, string category = "venue", DateTimeOffset? from = null, DateTimeOffset? until = null) => new()
    {
        Id = Guid.NewGuid(), Category = category, Longitude = 118.0 + dLon, Latitude = 36.8, AvailableFrom = from ?? Now.AddDays(-1), AvailableUntil = until,
    };

    [Fact]
    public void Same_place_available_now_scores_the_full_hundred()
    {
        var m = Matching.Score(Need(), Resource(), Now);
        Assert.Equal(100, m!.Score);
        Assert.Equal(0, m.Km);
    }

    [Fact]
    public void Distance_takes_sixty_points_linearly_to_ten_km()
    {
        // 0.056° of longitude at 36.8°N is about 5 km: half the distance points.
        var m = Matching.Score(Need(), Resource(dLon: 0.056), Now)!;
        Assert.InRange(m.Km, 4.9, 5.1);
        Assert.Equal((int)Math.Round(60 * (1 - m.Km / 10) + 40), m.Score);
        Assert.Null(Matching.Score(Need(), Resource(dLon: 0.13), Now)); // ~11.6 km
    }

    [Fact]
    public void Availability_falls_across_the_urgency_horizon_and_ends_at_it()
    {
        // Urgent: 3 days. Starting in 1.5 days is half the availability points.
        Assert.Equal(80, Matching.Score(Need(NeedUrgency.Urgent), Resource(from: Now.AddDays(1.5)), Now)!.Score);
        Assert.Null(Matching.Score(Need(NeedUrgency.Urgent), Resource(from: Now.AddDays(3)), Now));
        Assert.NotNull(Matching.Score(Need(NeedUrgency.Low), Resource(from: Now.AddDays(60)), Now));
        Assert.Null(Matching.Score(Need(), Resource(from: Now.AddDays(-10), until: Now), Now)); // ended
    }

    [Fact]
    public void Other_categories_withdrawn_resources_and_taken_needs_never_match()
    {
        Assert.Null(Matching.Score(Need(category: "medical"), Resource(), Now));
        var withdrawn = Resource();
        withdrawn.Withdrawn = true;
        Assert.Null(Matching.Score(Need(), withdrawn, Now));
        var taken = Need();
        taken.Claim(Guid.NewGuid(), null, Now);
        Assert.Null(Matching.Score(taken, Resource(), Now));
    }
}

public sealed class AllianceTests
{
    [Fact]
    public void The_chair_passes_to_the_next_member_in_joining_order_and_wraps()
    {
        var a = new Alliance { Id = Guid.NewGuid(), AreaCode = "379902001001" };
        var (u1, u2, u3) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        foreach (var u in new[] { u1, u2, u3 }) Assert.False(a.AddMember(u, DateTimeOffset.UnixEpoch).IsError);
        Assert.Equal(u1, a.NextChair(null));
        Assert.Equal(u2, a.NextChair(u1));
        Assert.Equal(u1, a.NextChair(u3));
        Assert.Equal(u1, a.NextChair(Guid.NewGuid())); // the last chair left the alliance
        Assert.Equal("cobuilding.already_member", a.AddMember(u2, DateTimeOffset.UnixEpoch).Error!.Code);
        Assert.Equal("379902001001", a.Members[0].AreaPrefix);
    }
}
