using Renkei.ReferenceData;

namespace Renkei.Directory;

/// <summary>
/// How the seeds draw the CEPTOAR councils: their bodies (総会, 運営委員会, WG), the general
/// assembly's observers and what the council is made of (seed 000 l.2339–2370, 001 l.348–363).
/// Read-only data from council-structure.json, shown on the community page; it grants no access.
/// </summary>
public static class CouncilStructure
{
    public sealed record Body(string NameJa, string NameEn, string Source);

    /// <summary>An observer; <see cref="Organisation"/> or <see cref="Ceptoar"/> links it to the directory where it is listed.</summary>
    public sealed record Observer(string NameJa, string NameEn, string Source, string? Organisation = null, string? Ceptoar = null);

    public sealed record Council(string Community, string CompositionJa, string CompositionEn, string CompositionSource,
        IReadOnlyList<Body> Bodies, IReadOnlyList<Observer> Observers, string? ObserversNoteJa = null, string? ObserversNoteEn = null,
        IReadOnlyList<string>? MemberCeptoars = null);

    private sealed record CouncilFile(IReadOnlyList<Council> Councils);

    private static readonly Lazy<IReadOnlyList<Council>> Loaded = new(() => ReferenceDataFiles.Read<CouncilFile>("council-structure.json").Councils);

    public static IReadOnlyList<Council> All => Loaded.Value;

    public static Council? For(string communityCode) => All.FirstOrDefault(c => c.Community == communityCode);
}
