using Renkei.Stix;

namespace Renkei.Access;

/// <summary>
/// One imported STIX bundle the access policy let a caller read. Its objects are read through
/// this handle (<see cref="AccessPolicy.SourceObjects(VisibleIndicatorSet)"/>), never by the set's id alone.
/// </summary>
/// <remarks>Only <see cref="AccessPolicy.IndicatorSetAsync"/> makes one; the set is an untracked snapshot.</remarks>
public sealed class VisibleIndicatorSet
{
    internal VisibleIndicatorSet(IndicatorSet set, Caller caller)
    {
        Set = set;
        Caller = caller;
    }

    public Guid Id => Set.Id;

    public IndicatorSet Set { get; }

    public Caller Caller { get; }
}
