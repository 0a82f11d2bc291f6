using Microsoft.Extensions.Options;
using PrecisionCloud.Security.Audit;

namespace PrecisionCloud.Security.Hosting;

/// <summary>Checks <see cref="AuditLogOptions"/> at start; every message names the setting and what it allows.</summary>
internal sealed class AuditLogOptionsValidator : IValidateOptions<AuditLogOptions>
{
    private const string Prefix = AuditLogOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, AuditLogOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            failures.Add($"{Prefix}Directory must name a directory.");
        }

        if (options.MaxFileBytes < 64 * 1024)
        {
            failures.Add($"{Prefix}MaxFileBytes must be at least 65536 (was {options.MaxFileBytes}).");
        }

        if (options.QueueCapacity is < 1 or > 16_777_216)
        {
            failures.Add($"{Prefix}QueueCapacity must be from 1 to 16777216 (was {options.QueueCapacity}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
