using CivicGrid.Modules.Calendar.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Modules.Calendar.Persistence;

sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> e)
    {
        e.HasIndex(x => x.Year).IsUnique();
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasMany(x => x.Days).WithOne().HasForeignKey(d => d.CalendarYearId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> e)
    {
        e.ToTable("CalendarDays");
        e.HasIndex(x => new { x.CalendarYearId, x.Date }).IsUnique();
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Name).HasMaxLength(50);
    }
}
