using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renkei.Assessments;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Standards;

namespace Renkei.Guideline;

internal sealed class GuidelineRevisionConfiguration : IEntityTypeConfiguration<GuidelineRevision>
{
    public void Configure(EntityTypeBuilder<GuidelineRevision> b)
    {
        b.ToTable("guideline_revisions");
        b.HasKey(x => x.Id);
        b.Property(x => x.NoteJa).HasMaxLength(2000);
        b.Property(x => x.NoteEn).HasMaxLength(2000);
        b.Property(x => x.Seed).HasMaxLength(300);
        b.HasOne<AssessmentFramework>().WithMany().HasForeignKey(x => x.FrameworkId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RenkeiUser>().WithMany().HasForeignKey(x => x.PublishedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.FrameworkId).IsUnique();
        b.HasIndex(x => x.Version).IsUnique();
        b.HasIndex(x => x.PublishedByUserId);
    }
}

internal sealed class GuidelineCoverageConfiguration : IEntityTypeConfiguration<GuidelineCoverage>
{
    public void Configure(EntityTypeBuilder<GuidelineCoverage> b)
    {
        b.ToTable("guideline_coverage");
        b.HasKey(x => x.Id);
        b.Property(x => x.SectorCode).HasMaxLength(64);
        b.Property(x => x.ItemCode).HasMaxLength(64);
        b.Property(x => x.Level).HasMaxLength(40);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<SafetyStandard>().WithMany().HasForeignKey(x => x.StandardId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Sector>().WithMany().HasForeignKey(x => x.SectorCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RenkeiUser>().WithMany().HasForeignKey(x => x.AssessedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.AssessedByOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.StandardId, x.ItemCode }).IsUnique();
        b.HasIndex(x => x.SectorCode);
        b.HasIndex(x => x.AssessedByUserId);
        b.HasIndex(x => x.AssessedByOrganisationId);
    }
}
