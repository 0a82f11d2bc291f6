namespace PrecisionCloud.Resources.Kubernetes;

/// <summary>The Kubernetes API refused a request; the message carries its status, reason and message.</summary>
public sealed class KubernetesApiException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="operation">What was asked (<c>create Deployment pc-acme/web</c>).</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="detail">The API's message.</param>
    /// <param name="innerException">The client's exception.</param>
    public KubernetesApiException(string operation, int statusCode, string detail, Exception? innerException = null)
        : base($"{operation}: {statusCode} {detail}", innerException)
    {
        Operation = operation;
        StatusCode = statusCode;
    }

    /// <summary>What was asked.</summary>
    public string Operation { get; }

    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; }
}
