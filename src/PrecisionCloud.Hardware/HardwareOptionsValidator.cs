using Microsoft.Extensions.Options;

namespace PrecisionCloud.Hardware;

/// <summary>Checks <see cref="HardwareOptions"/> at start; every message names the setting and what it allows.</summary>
internal sealed class HardwareOptionsValidator : IValidateOptions<HardwareOptions>
{
    private const string Prefix = "PrecisionCloud:Hardware:";

    public ValidateOptionsResult Validate(string? name, HardwareOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Root))
        {
            failures.Add($"{Prefix}Root must name a directory (default '/').");
        }
        else if (!Directory.Exists(options.Root))
        {
            failures.Add($"{Prefix}Root '{options.Root}' does not exist.");
        }

        if (options.NodeName is { } nodeName && string.IsNullOrWhiteSpace(nodeName))
        {
            failures.Add($"{Prefix}NodeName must not be blank; leave it unset to use the host name.");
        }

        if (options.FormFactor is { } formFactor && !Enum.IsDefined(formFactor))
        {
            failures.Add($"{Prefix}FormFactor '{formFactor}' is not one of Embedded, AllInOne, StandardServer.");
        }

        if (options.CacheDuration < TimeSpan.Zero)
        {
            failures.Add($"{Prefix}CacheDuration must be zero or positive (was {options.CacheDuration}).");
        }

        var rules = options.FormFactorRules;
        if (rules is null)
        {
            failures.Add($"{Prefix}FormFactorRules must not be null.");
        }
        else
        {
            if (rules.StandardServerMinSockets < 1)
            {
                failures.Add($"{Prefix}FormFactorRules:StandardServerMinSockets must be at least 1 (was {rules.StandardServerMinSockets}).");
            }

            if (rules.EmbeddedMaxLogicalCpus < 1)
            {
                failures.Add($"{Prefix}FormFactorRules:EmbeddedMaxLogicalCpus must be at least 1 (was {rules.EmbeddedMaxLogicalCpus}).");
            }

            if (rules.StandardServerMinLogicalCpus <= rules.EmbeddedMaxLogicalCpus)
            {
                failures.Add($"{Prefix}FormFactorRules:StandardServerMinLogicalCpus ({rules.StandardServerMinLogicalCpus}) must be larger than EmbeddedMaxLogicalCpus ({rules.EmbeddedMaxLogicalCpus}).");
            }

            if (rules.EmbeddedMaxMemoryBytes <= 0)
            {
                failures.Add($"{Prefix}FormFactorRules:EmbeddedMaxMemoryBytes must be positive (was {rules.EmbeddedMaxMemoryBytes}).");
            }
        }

        for (var i = 0; i < options.AcceleratorRules.Count; i++)
        {
            var rule = options.AcceleratorRules[i];
            if (rule.VendorId is < 0 or > 0xffff)
            {
                failures.Add($"{Prefix}AcceleratorRules:{i}:VendorId must be a 16-bit PCI vendor id (was {rule.VendorId}).");
            }

            if (rule.DeviceId is < 0 or > 0xffff)
            {
                failures.Add($"{Prefix}AcceleratorRules:{i}:DeviceId must be a 16-bit PCI device id (was {rule.DeviceId}).");
            }

            if (!Enum.IsDefined(rule.Kind))
            {
                failures.Add($"{Prefix}AcceleratorRules:{i}:Kind '{rule.Kind}' is not an accelerator kind.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
