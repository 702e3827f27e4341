using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renkei.Access;

internal sealed class AudienceConfiguration : IEntityTypeConfiguration<Audience>
{
    public void Configure(EntityTypeBuilder<Audience> b)
    {
        b.ToTable("audiences");
        b.HasKey(x => x.Id);
        b.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.AudienceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AudienceMemberConfiguration : IEntityTypeConfiguration<AudienceMember>
{
    public void Configure(EntityTypeBuilder<AudienceMember> b)
    {
        b.ToTable("audience_members");
        b.HasKey(x => new { x.AudienceId, x.Kind, x.Key });
        b.Property(x => x.Key).HasMaxLength(64);
        // The sharing filter looks members up by kind and key for the caller's memberships.
        b.HasIndex(x => new { x.Kind, x.Key });
    }
}
