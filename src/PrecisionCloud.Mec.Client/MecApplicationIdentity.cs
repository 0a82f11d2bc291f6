using Microsoft.Extensions.Options;

namespace PrecisionCloud.Mec.Client;

/// <summary>Which application instance this process is: configured, or assigned by the platform at registration.</summary>
public sealed class MecApplicationIdentity
{
    private string? _appInstanceId;

    /// <summary>Creates the identity from the client's options.</summary>
    /// <param name="options">The options (their <see cref="MecClientOptions.AppInstanceId"/>).</param>
    public MecApplicationIdentity(IOptions<MecClientOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _appInstanceId = options.Value.AppInstanceId;
    }

    /// <summary>The instance identifier, once known.</summary>
    public string? AppInstanceId
    {
        get => Volatile.Read(ref _appInstanceId);
        set => Volatile.Write(ref _appInstanceId, value);
    }

    /// <summary>The instance identifier, or an explanation of why it is not known yet.</summary>
    /// <returns>The identifier.</returns>
    /// <exception cref="InvalidOperationException">Neither configured nor registered yet.</exception>
    public string Require() => AppInstanceId
        ?? throw new InvalidOperationException($"The application instance is not known: register first, or set {MecClientOptions.SectionName}:AppInstanceId");
}
