using CivicGrid.Modules.Points.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Modules.Points.Persistence;

sealed class PointsAccountConfiguration : IEntityTypeConfiguration<PointsAccount>
{
    public void Configure(EntityTypeBuilder<PointsAccount> e)
    {
        e.ToTable("PointsAccounts", t => t.HasCheckConstraint("CK_PointsAccounts_Balance", "\"Balance\" >= 0"));
        e.Property(a => a.Id).ValueGeneratedNever();
        e.Property(a => a.AreaCode).HasMaxLength(15);
        e.Property(a => a.DisplayName).HasMaxLength(100);
        e.HasIndex(a => a.AreaCode);
    }
}

sealed class PointsEntryConfiguration : IEntityTypeConfiguration<PointsEntry>
{
    public void Configure(EntityTypeBuilder<PointsEntry> e)
    {
        e.Property(p => p.AreaCode).HasMaxLength(15);
        e.Property(p => p.SourceKind).HasMaxLength(32);
        e.Property(p => p.Title).HasMaxLength(200);
        e.Property(p => p.Reason).HasMaxLength(500);
        e.Property(p => p.CappedBy).HasMaxLength(8);
        // Exactly once, by the database too: one earn per event, one reversal per entry (NULLs are distinct on both engines).
        e.HasIndex(p => p.EventId).IsUnique();
        e.HasIndex(p => p.ReversesId).IsUnique();
        // One expiry per earning (its SourceId is the earn entry it expires), whoever sweeps.
        e.HasIndex(p => p.SourceId).IsUnique().HasFilter($"\"Kind\" = {(int)PointsEntryKind.Expiry}").HasDatabaseName("IX_PointsEntries_Expiry_Source");
        e.HasIndex(p => new { p.AccountId, p.ExpiresAt });
        e.HasIndex(p => new { p.AccountId, p.At });
        e.HasIndex(p => new { p.AreaCode, p.At });
        e.HasOne<PointsAccount>().WithMany().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class EarningRuleConfiguration : IEntityTypeConfiguration<EarningRule>
{
    public void Configure(EntityTypeBuilder<EarningRule> e)
    {
        e.Property(r => r.AreaCode).HasMaxLength(15);
        e.Property(r => r.Kind).HasMaxLength(32);
        e.Property(r => r.Version).IsConcurrencyToken();
        e.HasIndex(r => new { r.AreaCode, r.Kind }).IsUnique();
    }
}

sealed class RedemptionItemConfiguration : IEntityTypeConfiguration<RedemptionItem>
{
    public void Configure(EntityTypeBuilder<RedemptionItem> e)
    {
        e.ToTable("RedemptionItems", t => t.HasCheckConstraint("CK_RedemptionItems_Stock", "\"Stock\" >= 0"));
        e.Property(i => i.AreaCode).HasMaxLength(15);
        e.Property(i => i.Name).HasMaxLength(100);
        e.Property(i => i.Description).HasMaxLength(500);
        e.Property(i => i.Version).IsConcurrencyToken();
        e.HasIndex(i => i.AreaCode);
        e.HasIndex(i => i.MerchantId);
    }
}

sealed class RedemptionConfiguration : IEntityTypeConfiguration<Redemption>
{
    public void Configure(EntityTypeBuilder<Redemption> e)
    {
        e.Property(r => r.AreaCode).HasMaxLength(15);
        e.Property(r => r.ItemName).HasMaxLength(100);
        e.Property(r => r.Code).HasMaxLength(16);
        e.Property(r => r.Version).IsConcurrencyToken();
        e.HasIndex(r => r.Code).IsUnique();
        e.HasIndex(r => new { r.AccountId, r.IssuedAt });
        e.HasIndex(r => new { r.MerchantId, r.IssuedAt });
    }
}
