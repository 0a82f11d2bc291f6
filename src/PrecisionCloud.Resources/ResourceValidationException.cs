namespace PrecisionCloud.Resources;

/// <summary>A specification is invalid; the message names the field and the allowed values.</summary>
public sealed class ResourceValidationException : ResourceException
{
    /// <summary>Creates the error.</summary>
    /// <param name="field">The field at fault, as a path (<c>resources.memoryMiB</c>).</param>
    /// <param name="message">What is wrong and what is allowed.</param>
    public ResourceValidationException(string field, string message)
        : base($"{field}: {message}")
    {
        Field = field;
    }

    /// <summary>The field at fault.</summary>
    public string Field { get; }
}
