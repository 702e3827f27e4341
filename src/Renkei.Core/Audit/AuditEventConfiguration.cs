using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renkei.Audit;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("audit_events");
        b.HasKey(x => x.Seq);
        b.Property(x => x.Seq).ValueGeneratedNever();
        b.Property(x => x.Actor).HasMaxLength(254);
        b.Property(x => x.Action).HasMaxLength(40);
        b.Property(x => x.ResourceType).HasMaxLength(64);
        b.Property(x => x.ResourceId).HasMaxLength(200);
        b.Property(x => x.RemoteAddress).HasMaxLength(64);
        b.Property(x => x.PrevHash).HasMaxLength(64);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.Property(x => x.ActorPseudonym).HasMaxLength(300);
        b.HasIndex(x => x.OccurredAt);
        b.HasIndex(x => new { x.ResourceType, x.ResourceId });
        b.HasIndex(x => x.ActorOrganisationId);
    }
}
