using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Storage;

namespace Renkei.Presets;

internal sealed class ContentPresetConfiguration : IEntityTypeConfiguration<ContentPreset>
{
    public void Configure(EntityTypeBuilder<ContentPreset> b)
    {
        b.ToTable("content_presets");
        b.HasKey(x => x.Id);
        b.Property(x => x.Target).HasConversion<EnumTextConverter<ContentPresetTarget>>().HasMaxLength(20);
        b.Property(x => x.Kind).HasMaxLength(64);
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.Content).HasConversion(JsonColumn<PresetContent>.Converter, JsonColumn<PresetContent>.Comparer);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<RenkeiUser>().WithMany().HasForeignKey(x => x.UpdatedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.Target, x.Kind, x.Language }).IsUnique();
        b.HasIndex(x => x.UpdatedByUserId);
    }
}
