namespace PrecisionCloud.Resources.OpenStack.Client;

/// <summary>A failure talking to an OpenStack cloud: its configuration, its catalog, or a service's answer.</summary>
public class OpenStackException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OpenStackException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public OpenStackException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public OpenStackException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
