namespace PrecisionCloud.UserPlane.Ports;

/// <summary>A TUN device could not be created or attached; the message names the cause and the fix.</summary>
public sealed class TunDeviceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TunDeviceException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The cause and the fix.</param>
    public TunDeviceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">The cause and the fix.</param>
    /// <param name="innerException">The underlying error.</param>
    public TunDeviceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
