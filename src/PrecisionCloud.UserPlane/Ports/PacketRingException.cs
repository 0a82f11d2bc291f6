namespace PrecisionCloud.UserPlane.Ports;

/// <summary>A packet ring could not be set up; the message names the cause and the fix.</summary>
public sealed class PacketRingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PacketRingException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The cause and the fix.</param>
    public PacketRingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">The cause and the fix.</param>
    /// <param name="innerException">The underlying error.</param>
    public PacketRingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
