using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Modules.Cases.Figures;

/// <summary>
/// One community's figures over one stretch of days (China time): the rollups every area dashboard and ranking reads.
/// Kept by <see cref="FiguresProjection"/> from the case history; never written by anything else.
/// </summary>
public abstract class CommunityFigures : FigureCounts
{
    /// <summary>The community's 12-digit code; streets and districts are sums over its prefix.</summary>
    public string CommunityCode { get; set; } = "";
}

/// <summary>A community's figures on one day: what a period's ragged ends are read from.</summary>
public sealed class CaseFiguresDaily : CommunityFigures
{
    public DateOnly Day { get; set; }
}

/// <summary>
/// A community's figures in one calendar month (<see cref="Month"/> is its first day): the same counts as the month's
/// daily rows, so a year is read as twelve rows per community instead of 365.
/// </summary>
public sealed class CaseFiguresMonthly : CommunityFigures
{
    public DateOnly Month { get; set; }
}

/// <summary>
/// One unit's figures for the cases of one community over one stretch of days: a department sees its rows everywhere,
/// a street sees how every unit served its own communities (下考上).
/// </summary>
public abstract class UnitFiguresRow
{
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

public sealed class UnitFiguresDaily : UnitFiguresRow
{
    public DateOnly Day { get; set; }
}

/// <summary>A unit's figures for one community in one calendar month (<see cref="Month"/> is its first day).</summary>
public sealed class UnitFiguresMonthly : UnitFiguresRow
{
    public DateOnly Month { get; set; }
}

/// <summary>
/// How often one month's rollup rows have been written to: bumped in the same transaction as every write
/// (<see cref="FigureTally.WriteAsync"/>), so a reader that remembers a month's sums knows, from one small read, whether
/// they still hold (<see cref="FigureSums"/>). A month nobody has written to has no row.
/// </summary>
public sealed class FigureStamp
{
    /// <summary>The month's first day.</summary>
    public DateOnly Month { get; set; }
    public long Version { get; set; }
}

sealed class FigureStampConfiguration : IEntityTypeConfiguration<FigureStamp>
{
    public void Configure(EntityTypeBuilder<FigureStamp> e)
    {
        e.ToTable("FigureStamps");
        e.HasKey(f => f.Month);
    }
}

sealed class CaseFiguresDailyConfiguration : IEntityTypeConfiguration<CaseFiguresDaily>
{
    public void Configure(EntityTypeBuilder<CaseFiguresDaily> e)
    {
        e.ToTable("CaseFiguresDaily");
        e.HasKey(f => new { f.Day, f.CommunityCode });
        e.Property(f => f.CommunityCode).HasMaxLength(12);
        // Dashboards read a subtree (a range of codes) over a period.
        e.HasIndex(f => new { f.CommunityCode, f.Day });
    }
}

sealed class CaseFiguresMonthlyConfiguration : IEntityTypeConfiguration<CaseFiguresMonthly>
{
    public void Configure(EntityTypeBuilder<CaseFiguresMonthly> e)
    {
        e.ToTable("CaseFiguresMonthly");
        e.HasKey(f => new { f.Month, f.CommunityCode });
        e.Property(f => f.CommunityCode).HasMaxLength(12);
        e.HasIndex(f => new { f.CommunityCode, f.Month });
    }
}

sealed class UnitFiguresDailyConfiguration : IEntityTypeConfiguration<UnitFiguresDaily>
{
    public void Configure(EntityTypeBuilder<UnitFiguresDaily> e)
    {
        e.ToTable("UnitFiguresDaily");
        // Led by the community, not the day: a key led by the day made PostgreSQL read every unit's rows of the period's
        // ragged days and filter by community (22.8 ms for a street's 28 days over the 10-million-case fixture; 6.4 ms
        // through the community index once the key no longer competed, bench/RESULTS.md).
        e.HasKey(f => new { f.CommunityCode, f.Day, f.UnitId });
        e.Property(f => f.CommunityCode).HasMaxLength(12);
        e.Property(f => f.UnitName).HasMaxLength(100);
        e.HasIndex(f => new { f.UnitId, f.Day });
        e.HasIndex(f => new { f.CommunityCode, f.Day });
    }
}

sealed class UnitFiguresMonthlyConfiguration : IEntityTypeConfiguration<UnitFiguresMonthly>
{
    public void Configure(EntityTypeBuilder<UnitFiguresMonthly> e)
    {
        e.ToTable("UnitFiguresMonthly");
        e.HasKey(f => new { f.Month, f.UnitId, f.CommunityCode });
        e.Property(f => f.CommunityCode).HasMaxLength(12);
        e.Property(f => f.UnitName).HasMaxLength(100);
        e.HasIndex(f => new { f.UnitId, f.Month });
        e.HasIndex(f => new { f.CommunityCode, f.Month });
    }
}
