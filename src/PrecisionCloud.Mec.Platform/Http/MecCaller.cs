using Microsoft.AspNetCore.Http;

namespace PrecisionCloud.Mec.Platform.Http;

/// <summary>Who made a request: the OAuth client and the application instance its token names (nobody in conformance mode).</summary>
internal sealed record MecCaller(string? AppInstanceId, bool IsManagement, string? ClientId = null)
{
    private static readonly object Key = new();

    public static MecCaller Anonymous { get; } = new(null, false);

    /// <summary>Who owns what the caller creates: its instance, else its client (none in conformance mode).</summary>
    public string? Owner => AppInstanceId ?? (ClientId is { } client ? "client:" + client : null);

    /// <summary>Whose resources the caller sees: its own, or everyone's for the management and in conformance mode.</summary>
    public string? Sees => IsManagement ? null : Owner;

    public static MecCaller Of(HttpContext context) => context.Items[Key] as MecCaller ?? Anonymous;

    public void Attach(HttpContext context) => context.Items[Key] = this;
}
