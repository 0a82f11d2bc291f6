namespace PrecisionCloud.Resources.OpenStack.Client;

/// <summary>Authentication failed or the token was refused (401).</summary>
public sealed class OpenStackUnauthorizedException : OpenStackApiException
{
    /// <summary>Creates the exception.</summary>
    public OpenStackUnauthorizedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public OpenStackUnauthorizedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public OpenStackUnauthorizedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from a service's answer.</summary>
    /// <param name="service">The service type.</param>
    /// <param name="operation">The request: method and path.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="faultMessage">The service's message.</param>
    /// <param name="errorType">The service's error type, when it gives one.</param>
    /// <param name="requestId">The request id, when the service sent one.</param>
    public OpenStackUnauthorizedException(string service, string operation, int statusCode, string faultMessage, string? errorType, string? requestId)
        : base(service, operation, statusCode, faultMessage, errorType, requestId)
    {
    }
}
