namespace Renkei.Stix.Validation;

/// <summary>
/// One finding about a STIX object: <see cref="Object"/> is its id, or <c>objects[i]</c> when it has
/// no usable id (<c>bundle</c> for the envelope); <see cref="Path"/> the property within the object
/// (e.g. <c>external_references[0].source_name</c>, empty for the object as a whole); <see cref="Reason"/>
/// a plain-English reason for machines and operators (not localised: it names spec terms).
/// </summary>
public sealed record StixValidationError(string Object, string Path, string Reason)
{
    public override string ToString() => Path.Length == 0 ? $"{Object}: {Reason}" : $"{Object} {Path}: {Reason}";
}

/// <summary>
/// The outcome of validating a bundle or object. Warnings do not make it invalid: they report
/// things a consumer may want to know, such as identical duplicate objects (ignored as one).
/// </summary>
public sealed record StixValidationResult(IReadOnlyList<StixValidationError> Errors, IReadOnlyList<StixValidationError> Warnings)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>Limits that keep a hostile bundle from exhausting memory, time or the stack.</summary>
public sealed record StixValidationOptions
{
    /// <summary>Deepest nesting of JSON arrays and objects accepted (STIX objects need around 10).</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Most objects accepted in one bundle.</summary>
    public int MaxObjects { get; init; } = 100_000;

    /// <summary>Validation stops after this many errors (the last one says so).</summary>
    public int MaxErrors { get; init; } = 1_000;
}
