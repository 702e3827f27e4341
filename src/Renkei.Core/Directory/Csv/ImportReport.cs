namespace Renkei.Directory.Csv;

/// <summary>Why one row was not applied.</summary>
public sealed record ImportRowError(int Line, string Field, string Reason);

/// <summary>A one-time password generated for an imported account, shown once.</summary>
public sealed record TemporaryPassword(string Email, string Password);

/// <summary>
/// The outcome of an import: good rows were applied, each bad row is listed with its line and
/// reason and changed nothing.
/// </summary>
public sealed record ImportReport(int Rows, int Created, int Updated, int Unchanged, IReadOnlyList<ImportRowError> Errors, IReadOnlyList<TemporaryPassword> TemporaryPasswords)
{
    public int Rejected => Errors.Select(e => e.Line).Distinct().Count();
}
