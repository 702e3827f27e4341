using Renkei.ReferenceData;

namespace Renkei.Access;

public sealed partial class AccessPolicy
{
    /// <summary>The dated sector sets, each with the last fiscal year it applies to (null for the current set).</summary>
    /// <remarks>Shipped, read-only reference data: readable by any signed-in caller, as the directory is, and by nobody else.</remarks>
    public static IReadOnlyList<SectorSetView> SectorSets(Caller? caller)
    {
        if (caller is null)
        {
            return [];
        }
        var all = ReferenceData.SectorSets.All;
        return all.Select((s, i) => new SectorSetView(s.Code, s.FromFiscalYear, i + 1 < all.Count ? all[i + 1].FromFiscalYear - 1 : null,
            s.PlanJa, s.PlanEn, s.Source, s.NoteJa, s.NoteEn, s.Sectors, s.Mapped)).ToList();
    }

    /// <summary>The dated CEPTOAR maps (2016, 2023).</summary>
    /// <remarks>Shipped, read-only reference data: readable by any signed-in caller, as the directory is.</remarks>
    public static IReadOnlyList<CeptoarMap> CeptoarMaps(Caller? caller) => caller is null ? [] : ReferenceData.CeptoarMaps.All;
}
