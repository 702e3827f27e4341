namespace Renkei.Interdependency.Cascade;

/// <summary>Caps and thresholds of the cascade engine (see docs/cascade.md).</summary>
public static class CascadeLimits
{
    public const int MaxNodes = 200_000;
    public const int MaxDependencies = 2_000_000;
    /// <summary>Per import file; a 2,000,000-row dependency CSV is about 80 MB.</summary>
    public const int MaxBytes = 128 * 1024 * 1024;
    public const int MaxIdLength = 200;
    public const int MaxTextLength = 500;
    /// <summary>Ten years: longer backups or recoveries are data errors, and the cap keeps step arithmetic in range.</summary>
    public const double MaxHours = 87_600;
    public const int MaxSteps = 20_000;
    public const int MaxDisruptions = 10_000;
    public const int MaxTracedNodes = 1_000;
    /// <summary>Errors listed before the rest are summarised: enough to fix a file, not a flood.</summary>
    public const int MaxErrors = 100;

    /// <summary>
    /// Levels are kept in steps of 1/Resolution (0.0001): a change smaller than that is no change,
    /// which ends the endless ever-smaller adjustments that dependencies in a loop would otherwise
    /// pass around (and the work they cost) without changing any answer a person would read.
    /// </summary>
    public const double Resolution = 10_000;
    /// <summary>Inoperability at or above this is "failed" (fully out); anything above 0 is "degraded".</summary>
    public const double FailedAt = 1;
}
