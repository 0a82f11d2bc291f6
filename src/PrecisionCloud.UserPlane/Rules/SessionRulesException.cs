namespace PrecisionCloud.UserPlane.Rules;

/// <summary>A rule set was refused; nothing of it was installed and the session keeps its previous rules.</summary>
public sealed class SessionRulesException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SessionRulesException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public SessionRulesException(string message)
        : base(message)
    {
        Problems = [];
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SessionRulesException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    /// <summary>Creates the exception for a list of problems.</summary>
    /// <param name="problems">What is wrong, one entry per rule.</param>
    public SessionRulesException(IReadOnlyList<RuleProblem> problems)
        : base(problems.Count == 0 ? "The session's rules were refused." : "The session's rules were refused: " + string.Join("; ", problems))
    {
        Problems = problems;
    }

    /// <summary>What is wrong, one entry per rule.</summary>
    public IReadOnlyList<RuleProblem> Problems { get; }
}
