using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renkei.Directory;
using Renkei.Identity;

namespace Renkei.Interdependency.Scenarios;

internal sealed class AnalysisScenarioConfiguration : IEntityTypeConfiguration<AnalysisScenario>
{
    public void Configure(EntityTypeBuilder<AnalysisScenario> b)
    {
        b.ToTable("analysis_scenarios");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<RenkeiUser>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.UpdatedAt });
        b.HasIndex(x => x.CreatedByUserId);
    }
}

internal sealed class AnalysisRunConfiguration : IEntityTypeConfiguration<AnalysisRun>
{
    public void Configure(EntityTypeBuilder<AnalysisRun> b)
    {
        b.ToTable("analysis_runs");
        b.HasKey(x => x.Id);
        b.Property(x => x.Engine).HasMaxLength(100);
        b.Property(x => x.InputSha256).HasMaxLength(64);
        b.HasOne<AnalysisScenario>().WithMany().HasForeignKey(x => x.ScenarioId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<RenkeiUser>().WithMany().HasForeignKey(x => x.RunByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ScenarioId, x.RanAt });
        b.HasIndex(x => x.OrganisationId);
        b.HasIndex(x => x.RunByUserId);
    }
}
