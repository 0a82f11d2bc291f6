namespace PrecisionCloud.Resources.OpenStack.Client;

/// <summary>
/// An OpenStack service refused a request: the HTTP status, the service's own fault message and error type, and the
/// request id to find the request in the service's logs.
/// </summary>
public class OpenStackApiException : OpenStackException
{
    /// <summary>Creates the exception.</summary>
    public OpenStackApiException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public OpenStackApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public OpenStackApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from a service's answer.</summary>
    /// <param name="service">The service type (<c>compute</c>, <c>network</c>...).</param>
    /// <param name="operation">What was asked, for example <c>POST /servers</c>.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="faultMessage">The service's message.</param>
    /// <param name="errorType">The service's error type or code (<c>OverQuota</c>, <c>itemNotFound</c>...), when it gives one.</param>
    /// <param name="requestId">The request id the service answered with.</param>
    public OpenStackApiException(string service, string operation, int statusCode, string faultMessage, string? errorType, string? requestId)
        : base($"{service}: {operation} failed with {statusCode}{(errorType is null ? string.Empty : $" {errorType}")}: {faultMessage}{(requestId is null ? string.Empty : $" (request {requestId})")}")
    {
        Service = service;
        Operation = operation;
        StatusCode = statusCode;
        FaultMessage = faultMessage;
        ErrorType = errorType;
        RequestId = requestId;
    }

    /// <summary>The service type that answered.</summary>
    public string Service { get; } = string.Empty;

    /// <summary>The request: method and path.</summary>
    public string Operation { get; } = string.Empty;

    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>The service's fault message.</summary>
    public string FaultMessage { get; } = string.Empty;

    /// <summary>The service's error type or code, when it gives one.</summary>
    public string? ErrorType { get; }

    /// <summary>The request id (<c>x-openstack-request-id</c>), when the service sent one.</summary>
    public string? RequestId { get; }
}
