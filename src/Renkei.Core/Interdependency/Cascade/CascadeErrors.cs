using Renkei.Common;

namespace Renkei.Interdependency.Cascade;

/// <summary>
/// Collects many input errors (a file is fixed in one round, not one error per upload) but no more
/// than <see cref="CascadeLimits.MaxErrors"/>, so a wholly wrong file cannot flood the answer.
/// </summary>
internal sealed class CascadeErrors
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);
    private bool _truncated;

    public int Count { get; private set; }

    public bool Any => Count > 0;

    public void Add(string place, string reason)
    {
        if (Count >= CascadeLimits.MaxErrors)
        {
            _truncated = true;
            return;
        }
        Count++;
        InputValidation.Add(_errors, place, reason);
    }

    public Problem ToProblem()
    {
        if (_truncated)
        {
            InputValidation.Add(_errors, "errors", Text.T("more than {0} problems were found; only the first {0} are listed", CascadeLimits.MaxErrors));
        }
        return Problem.Invalid(_errors);
    }
}
