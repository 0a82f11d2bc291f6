using System.Net;

namespace PrecisionCloud.Mec.Client;

/// <summary>The MEC platform refused a request; <see cref="Problem"/> says why, naming the field at fault.</summary>
public sealed class MecApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MecApiException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public MecApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public MecApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an answer.</summary>
    /// <param name="status">The answer's status.</param>
    /// <param name="problem">Its problem details, when it had any.</param>
    /// <param name="request">The request, as method and URI.</param>
    public MecApiException(HttpStatusCode status, ProblemDetails? problem, string request)
        : base($"{request} answered {(int)status} {problem?.Title ?? status.ToString()}{(problem?.Detail is { } detail ? ": " + detail : string.Empty)}")
    {
        Status = status;
        Problem = problem;
    }

    /// <summary>The answer's HTTP status.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The answer's problem details (RFC 7807), when it had any.</summary>
    public ProblemDetails? Problem { get; }
}
