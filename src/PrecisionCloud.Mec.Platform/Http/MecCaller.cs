using Microsoft.AspNetCore.Http;

namespace PrecisionCloud.Mec.Platform.Http;

/// <summary>Who made a request: the application instance its token names (none in conformance mode or for the management).</summary>
internal sealed record MecCaller(string? AppInstanceId, bool IsManagement)
{
    private static readonly object Key = new();

    public static MecCaller Anonymous { get; } = new(null, false);

    public static MecCaller Of(HttpContext context) => context.Items[Key] as MecCaller ?? Anonymous;

    public void Attach(HttpContext context) => context.Items[Key] = this;
}
