using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Audit;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.Directory.Csv;

/// <summary>What one row did: created something, changed something, or failed with reasons.</summary>
internal sealed record RowOutcome(bool Created, List<ImportRowError> Errors, TemporaryPassword? Password = null)
{
    public static RowOutcome Failed(int line, string field, string reason) => new(false, [new ImportRowError(line, field, reason)]);
}

/// <summary>
/// The part every directory import shares: permission, file checks, one transaction with a
/// savepoint per row (a failing row is rolled back whole and reported; the others stay), counts
/// and the audit event.
/// </summary>
internal static class CsvImport
{
    /// <summary>Why the caller may not import the directory, or null when they may (the import page asks before showing its form).</summary>
    public static Problem? Refusal(Caller caller) =>
        Permissions.ImportExportDirectory(caller) ? null : Problem.Forbidden("Only platform administrators import the directory.");

    public static async Task<Result<ImportReport>> RunAsync(
        RenkeiDbContext db, AuditTrail audit, Caller caller, byte[] content, IReadOnlyCollection<string> columns, IReadOnlyCollection<string> required,
        string resource, Func<CsvRow, Task<RowOutcome>> apply, CancellationToken ct)
    {
        if (Refusal(caller) is { } refused)
        {
            return refused;
        }
        List<CsvRow> rows;
        try
        {
            rows = CsvFile.Read(content, columns, required);
        }
        catch (CsvFileException ex)
        {
            return Problem.Invalid("file", ex.Message);
        }

        var errors = new List<ImportRowError>();
        var passwords = new List<TemporaryPassword>();
        int created = 0, updated = 0, unchanged = 0;
        await using var transaction = await db.BeginWriteAsync(ct);
        foreach (var row in rows)
        {
            // Every row is saved before the next begins: clearing the tracker keeps each row's
            // cost constant instead of growing with everything imported so far.
            db.ChangeTracker.Clear();
            await transaction.CreateSavepointAsync("csv_row", ct);
            var writtenBefore = db.RowsWritten;
            RowOutcome outcome;
            try
            {
                outcome = row.Has("__extra")
                    ? RowOutcome.Failed(row.Line, "", Text.T("the row has more cells than the header has columns"))
                    : await apply(row);
            }
            catch (DbUpdateException ex)
            {
                // A constraint the checks did not foresee (a concurrent edit): this row only.
                outcome = RowOutcome.Failed(row.Line, "", Text.T("could not be saved: {0}", ex.InnerException?.Message ?? ex.Message));
            }
            if (outcome.Errors.Count > 0)
            {
                await transaction.RollbackToSavepointAsync("csv_row", ct);
                await transaction.ReleaseSavepointAsync("csv_row", ct);
                db.ChangeTracker.Clear();
                errors.AddRange(outcome.Errors);
                continue;
            }
            // Savepoints nest: release each kept row's, or thousands pile up inside the transaction.
            await transaction.ReleaseSavepointAsync("csv_row", ct);
            if (outcome.Password is not null)
            {
                passwords.Add(outcome.Password);
            }
            if (outcome.Created)
            {
                created++;
            }
            else if (db.RowsWritten > writtenBefore)
            {
                updated++;
            }
            else
            {
                unchanged++;
            }
        }
        await transaction.CommitAsync(ct);
        var rejected = errors.Select(e => e.Line).Distinct().Count();
        await audit.RecordAsync("import", resource, null, new { rows = rows.Count, created, updated, unchanged, rejected }, ct);
        return new ImportReport(rows.Count, created, updated, unchanged, errors, passwords);
    }

    /// <summary>A feature problem as row errors, field names mapped to the file's column names.</summary>
    public static IEnumerable<ImportRowError> Errors(int line, Problem problem, Func<string, string> column) =>
        problem.Errors is { Count: > 0 } errors
            ? errors.SelectMany(e => e.Value.Select(v => new ImportRowError(line, column(e.Key), v)))
            : [new ImportRowError(line, "", problem.Detail)];
}
