namespace PrecisionCloud.Resources.OpenStack.Client;

/// <summary>A server went to ERROR: Nova's fault says why.</summary>
public sealed class OpenStackServerFaultException : OpenStackException
{
    /// <summary>Creates the exception.</summary>
    public OpenStackServerFaultException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public OpenStackServerFaultException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public OpenStackServerFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a server and its fault.</summary>
    /// <param name="serverId">The server.</param>
    /// <param name="fault">Nova's fault message, if it gave one.</param>
    public OpenStackServerFaultException(string serverId, string? fault)
        : base($"server {serverId} went to ERROR: {fault ?? "Nova gave no fault"}")
    {
        ServerId = serverId;
        Fault = fault;
    }

    /// <summary>The server.</summary>
    public string? ServerId { get; }

    /// <summary>Nova's fault message.</summary>
    public string? Fault { get; }
}
