using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renkei.Audit;
using Renkei.Indicators;
using Renkei.Storage;

namespace Renkei.Correlation;

internal sealed class IndicatorOccurrenceConfiguration : IEntityTypeConfiguration<IndicatorOccurrence>
{
    public void Configure(EntityTypeBuilder<IndicatorOccurrence> b)
    {
        b.ToTable("indicator_occurrences");
        // Derived from audited writes (a submission, a publication, an import).
        b.HasAnnotation(AuditChanges.NotAudited, true);
        b.HasKey(x => x.Id);
        // On SQLite a plain rowid key, not AUTOINCREMENT: ids are never exposed, and keeping
        // sqlite_sequence up to date costs a third of a 100,000-row import.
        b.Property(x => x.Id).ValueGeneratedOnAdd().HasAnnotation("Sqlite:ValueGenerationStrategy", SqliteValueGenerationStrategy.None);
        b.Property(x => x.IndicatorType).HasConversion<EnumTextConverter<IndicatorType>>().HasMaxLength(20);
        b.Property(x => x.Value).HasMaxLength(IndicatorOccurrences.MaxValueLength);
        b.Property(x => x.SourceKind).HasConversion<EnumTextConverter<OccurrenceSource>>().HasMaxLength(20);
        b.Property(x => x.StixId).HasMaxLength(300);
        b.HasIndex(x => new { x.IndicatorType, x.Value });
        b.HasIndex(x => x.SourceId);
    }
}

internal sealed class CorrelationBackfillRunConfiguration : IEntityTypeConfiguration<CorrelationBackfillRun>
{
    public void Configure(EntityTypeBuilder<CorrelationBackfillRun> b)
    {
        b.ToTable("indicator_backfills");
        b.HasAnnotation(AuditChanges.NotAudited, true);
        b.HasKey(x => x.Version);
        b.Property(x => x.Version).ValueGeneratedNever();
    }
}
