using CivicGrid.Modules.Points.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Modules.Points.Persistence;

sealed class PointsEventConfiguration : IEntityTypeConfiguration<PointsEvent>
{
    public void Configure(EntityTypeBuilder<PointsEvent> e)
    {
        e.Property(p => p.Kind).HasMaxLength(32);
        e.Property(p => p.AreaCode).HasMaxLength(15);
        e.Property(p => p.Title).HasMaxLength(200);
        e.HasIndex(p => new { p.Kind, p.SourceId, p.AccountId }).IsUnique();
        // The points projection claims unprocessed events in order.
        e.HasIndex(p => new { p.Processed, p.OccurredAt });
        // A correction finds the earlier events of the source it corrects.
        e.HasIndex(p => p.Corrects);
    }
}
