using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renkei.Audit;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Storage;

namespace Renkei.Stix;

internal sealed class StixObjectRecordConfiguration : IEntityTypeConfiguration<StixObjectRecord>
{
    public void Configure(EntityTypeBuilder<StixObjectRecord> b)
    {
        b.ToTable("stix_objects");
        // Derived from an audited write (the advisory's publication, the bundle's import).
        b.HasAnnotation(AuditChanges.NotAudited, true);
        b.HasKey(x => x.Seq);
        b.Property(x => x.Seq).ValueGeneratedNever();
        b.Property(x => x.SourceKind).HasConversion<EnumTextConverter<StixSourceKind>>().HasMaxLength(20);
        b.Property(x => x.StixId).HasMaxLength(300);
        b.Property(x => x.Type).HasMaxLength(250);
        b.Property(x => x.SpecVersion).HasMaxLength(10);
        b.HasIndex(x => new { x.SourceId, x.StixId, x.Version }).IsUnique();
        b.HasIndex(x => x.StixId);
        b.HasIndex(x => x.DateAdded);
    }
}

internal sealed class StixCollectionEntryConfiguration : IEntityTypeConfiguration<StixCollectionEntry>
{
    public void Configure(EntityTypeBuilder<StixCollectionEntry> b)
    {
        b.ToTable("stix_collection_entries");
        b.HasAnnotation(AuditChanges.NotAudited, true);
        b.HasKey(x => new { x.CollectionKey, x.Seq });
        b.Property(x => x.CollectionKey).HasMaxLength(120);
        b.HasOne<StixObjectRecord>().WithMany().HasForeignKey(x => x.Seq).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.Seq);
    }
}

internal sealed class IndicatorSetConfiguration : IEntityTypeConfiguration<IndicatorSet>
{
    public void Configure(EntityTypeBuilder<IndicatorSet> b)
    {
        b.ToTable("indicator_sets");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Channel).HasConversion<EnumTextConverter<StixChannel>>().HasMaxLength(20);
        b.Property(x => x.BundleId).HasMaxLength(300);
        b.Property(x => x.CollectionKey).HasMaxLength(120);
        b.Property(x => x.Producer).HasMaxLength(300);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasOne(x => x.Audience).WithMany().HasForeignKey(x => x.AudienceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RenkeiUser>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.OwnerOrganisationId);
        b.HasIndex(x => x.CreatedByUserId);
        b.HasIndex(x => x.AudienceId);
        b.HasIndex(x => x.ImportedAt);
        b.HasIndex(x => x.FeedId);
    }
}
