using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renkei.Audit;
using Renkei.Identity;

namespace Renkei.Taxii;

internal sealed class TaxiiStatusConfiguration : IEntityTypeConfiguration<TaxiiStatus>
{
    public void Configure(EntityTypeBuilder<TaxiiStatus> b)
    {
        b.ToTable("taxii_statuses");
        // The receipt of an audited write (the post's import).
        b.HasAnnotation(AuditChanges.NotAudited, true);
        b.HasKey(x => x.Id);
        b.Property(x => x.CollectionKey).HasMaxLength(120);
        b.HasOne<RenkeiUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.UserId, x.RequestedAt });
    }
}
