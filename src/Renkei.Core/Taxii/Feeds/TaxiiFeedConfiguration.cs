using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renkei.Audit;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Storage;

namespace Renkei.Taxii.Feeds;

internal sealed class TaxiiFeedConfiguration : IEntityTypeConfiguration<TaxiiFeed>
{
    public void Configure(EntityTypeBuilder<TaxiiFeed> b)
    {
        b.ToTable("taxii_feeds");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Auth).HasConversion<EnumTextConverter<TaxiiFeedAuth>>().HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.ApiRootUrl).HasMaxLength(TaxiiFeedService.MaxUrl);
        b.Property(x => x.CollectionId).HasMaxLength(200);
        b.Property(x => x.Username).HasMaxLength(254);
        b.Property(x => x.ProtectedSecret).HasMaxLength(4000);
        b.Property(x => x.Checkpoint).HasMaxLength(64);
        b.Property(x => x.LastError).HasMaxLength(2000);
        // The worker's bookkeeping: each run is in taxii_feed_runs, each import audited itself.
        foreach (var name in new[] { nameof(TaxiiFeed.LeasedUntil), nameof(TaxiiFeed.LastAttemptAt), nameof(TaxiiFeed.LastSuccessAt), nameof(TaxiiFeed.LastError),
                     nameof(TaxiiFeed.ObjectsReceived), nameof(TaxiiFeed.ObjectsAdded) })
        {
            b.Property(name).HasAnnotation(AuditChanges.NotAudited, true);
        }
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<RenkeiUser>().WithMany().HasForeignKey(x => x.ActingUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Audience).WithMany().HasForeignKey(x => x.AudienceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.OrganisationId);
        b.HasIndex(x => x.ActingUserId);
        b.HasIndex(x => x.AudienceId);
        b.HasIndex(x => new { x.Enabled, x.NextRunAt });
    }
}

internal sealed class TaxiiFeedRunConfiguration : IEntityTypeConfiguration<TaxiiFeedRun>
{
    public void Configure(EntityTypeBuilder<TaxiiFeedRun> b)
    {
        b.ToTable("taxii_feed_runs");
        // A log of what the worker did; the imports it made are audited themselves.
        b.HasAnnotation(AuditChanges.NotAudited, true);
        b.HasKey(x => x.Id);
        b.Property(x => x.Outcome).HasConversion<EnumTextConverter<TaxiiFeedRunOutcome>>().HasMaxLength(20);
        b.Property(x => x.CheckpointBefore).HasMaxLength(64);
        b.Property(x => x.CheckpointAfter).HasMaxLength(64);
        b.Property(x => x.Error).HasMaxLength(2000);
        b.HasOne<TaxiiFeed>().WithMany().HasForeignKey(x => x.FeedId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.FeedId, x.StartedAt });
    }
}
