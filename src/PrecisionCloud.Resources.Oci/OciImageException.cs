namespace PrecisionCloud.Resources.Oci;

/// <summary>An image is missing, malformed, or fails its digest; the message names the reference and the fault.</summary>
public sealed class OciImageException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="reference">The image reference.</param>
    /// <param name="message">What is wrong.</param>
    public OciImageException(string reference, string message)
        : base($"image '{reference}': {message}")
    {
        Reference = reference;
    }

    /// <summary>The image reference.</summary>
    public string Reference { get; }
}
