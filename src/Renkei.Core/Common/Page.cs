namespace Renkei.Common;

/// <summary>One page of a list, with the total the caller may see.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Offset, int Limit);
