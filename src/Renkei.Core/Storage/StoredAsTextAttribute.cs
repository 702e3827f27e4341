namespace Renkei.Storage;

/// <summary>
/// Stores every property of the marked enum as its <see cref="Common.EnumText"/> spelling, in a
/// column of at most <see cref="MaxLength"/> characters. The enum's feature declares it here, next to
/// the enum, and the model applies it (<see cref="RenkeiDbContext"/>): no central list to keep.
/// </summary>
[AttributeUsage(AttributeTargets.Enum)]
public sealed class StoredAsTextAttribute(int maxLength) : Attribute
{
    public int MaxLength { get; } = maxLength;
}
