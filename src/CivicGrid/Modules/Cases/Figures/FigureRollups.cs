using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Modules.Cases.Figures;

/// <summary>
/// One community's figures on one day (China time): the rollup every area dashboard and ranking reads. Kept by
/// <see cref="FiguresProjection"/> from the case history; never written by anything else.
/// </summary>
public sealed class CaseFiguresDaily : FigureCounts
{
    public DateOnly Day { get; set; }
    /// <summary>The community's 12-digit code; streets and districts are sums over its prefix.</summary>
    public string CommunityCode { get; set; } = "";
}

/// <summary>
/// One unit's figures on one day for the cases of one community: a department sees its rows everywhere, a street sees
/// how every unit served its own communities (下考上).
/// </summary>
public sealed class UnitFiguresDaily
{
    public DateOnly Day { get; set; }
    public Guid UnitId { get; set; }
    public string CommunityCode { get; set; } = "";
    /// <summary>The unit's name as last recorded in the history, so the dashboards need not read the units.</summary>
    public string UnitName { get; set; } = "";
    public int Dispatched { get; set; }
    public int Signed { get; set; }
    public int SignedInTime { get; set; }
    public int Handled { get; set; }
    public int HandledOnTime { get; set; }
    public long HandlingMinutes { get; set; }
    public int TimedHandled { get; set; }
    public int Returns { get; set; }
}

sealed class CaseFiguresDailyConfiguration : IEntityTypeConfiguration<CaseFiguresDaily>
{
    public void Configure(EntityTypeBuilder<CaseFiguresDaily> e)
    {
        e.ToTable("CaseFiguresDaily");
        e.HasKey(f => new { f.Day, f.CommunityCode });
        e.Property(f => f.CommunityCode).HasMaxLength(12);
        // Dashboards read a subtree (code prefix) over a period.
        e.HasIndex(f => new { f.CommunityCode, f.Day });
    }
}

sealed class UnitFiguresDailyConfiguration : IEntityTypeConfiguration<UnitFiguresDaily>
{
    public void Configure(EntityTypeBuilder<UnitFiguresDaily> e)
    {
        e.ToTable("UnitFiguresDaily");
        e.HasKey(f => new { f.Day, f.UnitId, f.CommunityCode });
        e.Property(f => f.CommunityCode).HasMaxLength(12);
        e.Property(f => f.UnitName).HasMaxLength(100);
        e.HasIndex(f => new { f.UnitId, f.Day });
        e.HasIndex(f => new { f.CommunityCode, f.Day });
    }
}
