namespace Renkei.Stix.Validation;

/// <summary>Collects errors and warnings, up to a limit so a hostile bundle cannot flood the caller.</summary>
internal sealed class Findings(int maxErrors)
{
    private readonly List<StixValidationError> _errors = [];
    private readonly List<StixValidationError> _warnings = [];

    /// <summary>Whether the error limit was reached; validation stops then.</summary>
    public bool Full { get; private set; }

    public void Error(string obj, string path, string reason)
    {
        if (Full)
        {
            return;
        }
        if (_errors.Count >= maxErrors)
        {
            _errors.Add(new StixValidationError(obj, "", $"more than {maxErrors} errors; validation stopped here"));
            Full = true;
            return;
        }
        _errors.Add(new StixValidationError(obj, path, reason));
    }

    public void Warning(string obj, string path, string reason)
    {
        if (_warnings.Count < maxErrors)
        {
            _warnings.Add(new StixValidationError(obj, path, reason));
        }
    }

    public StixValidationResult Result() => new(_errors, _warnings);
}
