using CivicGrid.Modules.Cases.Catalog;
using CivicGrid.Modules.Cases.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Modules.Cases.Persistence;

sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> e)
    {
        e.Property(c => c.Number).HasMaxLength(24);
        e.HasIndex(c => c.Number).IsUnique();
        e.Property(c => c.AreaCode).HasMaxLength(15);
        e.Property(c => c.ItemCode).HasMaxLength(8);
        e.Property(c => c.Description).HasMaxLength(4000);
        e.Property(c => c.Address).HasMaxLength(CaseErrors.MaxAddress);
        e.Property(c => c.ReporterName).HasMaxLength(50);
        e.Property(c => c.Version).IsConcurrencyToken();
        // Queues and lists: by area prefix and state, newest first.
        e.HasIndex(c => new { c.AreaCode, c.Status });
        e.HasIndex(c => new { c.Status, c.ReportedAt });
        // The public Open311 feed reads a window of report times, newest first, across states.
        e.HasIndex(c => c.ReportedAt);
        e.HasIndex(c => c.ReporterAccountId);
        // The deadline sweep (Jobs/DeadlineSweep.cs) finds what is due through partial indexes that hold only the cases
        // it may have to visit, so a tick reads what is due, not every case.
        e.HasIndex(c => c.HandlingYellowAt).HasFilter(Jobs.DeadlineSweep.YellowPendingSql).HasDatabaseName("IX_Cases_SweepYellow");
        e.HasIndex(c => c.HandlingDue).HasFilter(Jobs.DeadlineSweep.RedPendingSql).HasDatabaseName("IX_Cases_SweepRed");
        e.HasIndex(c => c.Id).HasFilter(Jobs.DeadlineSweep.ReturnsPendingSql).HasDatabaseName("IX_Cases_SweepReturns");
        e.HasMany(c => c.Assignments).WithOne().HasForeignKey(a => a.CaseId);
        e.Ignore(c => c.NewTransitions);
        e.Ignore(c => c.NewAttachments);
        e.Ignore(c => c.HandlingDeadline);
        e.Ignore(c => c.Lead);
        e.Ignore(c => c.ActiveAssignments);
        e.Ignore(c => c.DistrictCode);
        e.Ignore(c => c.RatedByReporter);
    }
}

sealed class CaseAssignmentConfiguration : IEntityTypeConfiguration<CaseAssignment>
{
    public void Configure(EntityTypeBuilder<CaseAssignment> e)
    {
        // The aggregate sets ids; never-generated keys make EF insert assignments found through Case.Assignments.
        e.Property(a => a.Id).ValueGeneratedNever();
        e.Property(a => a.UnitName).HasMaxLength(100);
        e.HasIndex(a => new { a.UnitId, a.Active });
        e.HasIndex(a => a.ResponseDue).HasFilter(Jobs.DeadlineSweep.ReminderPendingSql).HasDatabaseName("IX_CaseAssignments_SweepReminder");
    }
}

sealed class CaseTransitionConfiguration : IEntityTypeConfiguration<CaseTransition>
{
    public void Configure(EntityTypeBuilder<CaseTransition> e)
    {
        e.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId);
        e.HasIndex(t => new { t.CaseId, t.Seq }).IsUnique();
        // Open311's servicerequestupdates reads the history of a time window.
        e.HasIndex(t => t.At);
        e.Property(t => t.AreaCode).HasMaxLength(15);
        e.Property(t => t.ActorName).HasMaxLength(100);
        e.Property(t => t.UnitName).HasMaxLength(100);
        e.Property(t => t.Comment).HasMaxLength(CaseErrors.MaxComment);
        // The figures projection reads what it has not counted yet; the partial index stays small.
        e.HasIndex(t => t.Id).HasFilter("\"Projected\" = false").HasDatabaseName("IX_CaseTransitions_Unprojected");
    }
}

sealed class CaseAttachmentConfiguration : IEntityTypeConfiguration<CaseAttachment>
{
    public void Configure(EntityTypeBuilder<CaseAttachment> e)
    {
        e.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId);
        e.HasIndex(a => a.CaseId);
        e.Property(a => a.FileName).HasMaxLength(200);
        e.Property(a => a.ContentType).HasMaxLength(100);
        e.Property(a => a.StorageKey).HasMaxLength(200);
    }
}

sealed class CaseNumberCounterConfiguration : IEntityTypeConfiguration<CaseNumberCounter>
{
    public void Configure(EntityTypeBuilder<CaseNumberCounter> e)
    {
        e.HasKey(c => c.Key);
        e.Property(c => c.Key).HasMaxLength(16);
    }
}

sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> e)
    {
        e.Property(r => r.Key).HasMaxLength(100);
        e.Property(r => r.BodyHash).HasMaxLength(64);
        e.HasIndex(r => new { r.AccountId, r.Key }).IsUnique();
    }
}

sealed class CaseNoticeConfiguration : IEntityTypeConfiguration<CaseNotice>
{
    public void Configure(EntityTypeBuilder<CaseNotice> e)
    {
        e.HasIndex(n => new { n.AccountId, n.Id });
        e.HasIndex(n => new { n.UnitId, n.Id });
        e.Property(n => n.CaseNumber).HasMaxLength(24);
        e.Property(n => n.Text).HasMaxLength(CaseNotices.MaxText);
        e.Property(n => n.Argument).HasMaxLength(CaseNotices.MaxText);
    }
}

sealed class CatalogCategoryConfiguration : IEntityTypeConfiguration<CatalogCategory>
{
    public void Configure(EntityTypeBuilder<CatalogCategory> e)
    {
        e.HasKey(c => c.Code);
        e.Property(c => c.Code).HasMaxLength(2);
        e.Property(c => c.Name).HasMaxLength(50);
    }
}

sealed class CatalogItemConfiguration : IEntityTypeConfiguration<CatalogItem>
{
    public void Configure(EntityTypeBuilder<CatalogItem> e)
    {
        e.HasKey(i => i.Code);
        e.Property(i => i.Code).HasMaxLength(8);
        e.Property(i => i.CategoryCode).HasMaxLength(2);
        e.HasOne<CatalogCategory>().WithMany().HasForeignKey(i => i.CategoryCode);
        e.Property(i => i.Name).HasMaxLength(100);
        e.Property(i => i.LeadDuty).HasMaxLength(20);
        e.Property(i => i.ResponseLimit).HasConversion(l => l.ToString(), s => TimeLimit.Parse(s)).HasMaxLength(8);
        e.Property(i => i.HandlingLimit).HasConversion(l => l.ToString(), s => TimeLimit.Parse(s)).HasMaxLength(8);
        e.Property(i => i.Version).IsConcurrencyToken();
    }
}

sealed class UploadConfiguration : IEntityTypeConfiguration<Upload>
{
    public void Configure(EntityTypeBuilder<Upload> e)
    {
        e.HasIndex(u => u.AccountId);
        // The upload sweep's: only uploads not attached yet, by age.
        e.HasIndex(u => u.At).HasFilter("\"UsedAt\" IS NULL").HasDatabaseName("IX_Uploads_Unused");
        e.Property(u => u.FileName).HasMaxLength(200);
        e.Property(u => u.ContentType).HasMaxLength(100);
        e.Property(u => u.StorageKey).HasMaxLength(200);
    }
}
