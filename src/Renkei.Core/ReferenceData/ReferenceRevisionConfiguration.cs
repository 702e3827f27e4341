using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renkei.ReferenceData;

internal sealed class ReferenceRevisionConfiguration : IEntityTypeConfiguration<ReferenceRevision>
{
    public void Configure(EntityTypeBuilder<ReferenceRevision> b)
    {
        b.ToTable("reference_revisions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.Property(x => x.EntityType).HasMaxLength(40);
        b.Property(x => x.EntityKey).HasMaxLength(64);
        b.Property(x => x.Source).HasMaxLength(20);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.HasIndex(x => new { x.EntityType, x.EntityKey, x.Version }).IsUnique();
    }
}
