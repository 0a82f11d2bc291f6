using Microsoft.Extensions.Options;

namespace PrecisionCloud.Mec.Platform;

/// <summary>Refuses options the platform cannot run with, naming each one.</summary>
internal sealed class MecPlatformOptionsValidator : IValidateOptions<MecPlatformOptions>
{
    public ValidateOptionsResult Validate(string? name, MecPlatformOptions options)
    {
        List<string> failures = [];
        if (options.ApiRoot is { } root && (!root.IsAbsoluteUri || (root.Scheme != Uri.UriSchemeHttp && root.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"{nameof(options.ApiRoot)} shall be an absolute http or https URI");
        }

        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            failures.Add($"{nameof(options.DatabasePath)} is required");
        }

        if (options.MaxUriLength < 256)
        {
            failures.Add($"{nameof(options.MaxUriLength)} shall be at least 256");
        }

        if (options.MaxBodyBytes < 1024)
        {
            failures.Add($"{nameof(options.MaxBodyBytes)} shall be at least 1024");
        }

        if (options.LivenessInterval < 1 || options.MinLivenessInterval < 1 || options.MinLivenessInterval > options.LivenessInterval)
        {
            failures.Add($"{nameof(options.LivenessInterval)} and {nameof(options.MinLivenessInterval)} shall be positive, the minimum not above the default");
        }

        if (options.MissedHeartbeatsBeforeSuspension < 1)
        {
            failures.Add($"{nameof(options.MissedHeartbeatsBeforeSuspension)} shall be at least 1");
        }

        if (options.MaxGracefulTimeout < 0)
        {
            failures.Add($"{nameof(options.MaxGracefulTimeout)} shall not be negative");
        }

        var delivery = options.Notifications;
        if (delivery.InitialRetryDelay <= TimeSpan.Zero || delivery.MaxRetryDelay < delivery.InitialRetryDelay)
        {
            failures.Add("Notifications: InitialRetryDelay shall be positive and not above MaxRetryDelay");
        }

        if (delivery.MaxAttempts < 1 || delivery.TimeToLive <= TimeSpan.Zero || delivery.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add("Notifications: MaxAttempts, TimeToLive and RequestTimeout shall be positive");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
