using Microsoft.Extensions.Options;
using PrecisionCloud.Security.Sealing;

namespace PrecisionCloud.Security.Hosting;

/// <summary>Checks <see cref="SealingOptions"/> at start; every message names the setting and what it allows (never a key).</summary>
internal sealed class SealingOptionsValidator : IValidateOptions<SealingOptions>
{
    private const string Prefix = SealingOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, SealingOptions options)
    {
        var failures = new List<string>();
        if ((options.RootKey is null) == (options.RootKeyFile is null))
        {
            failures.Add($"{Prefix}RootKey or {Prefix}RootKeyFile must be set, and not both.");
        }
        else if (options.RootKey is { } key && !IsKey(key))
        {
            failures.Add($"{Prefix}RootKey must be 32 bytes in base64 (44 characters).");
        }
        else if (options.RootKeyFile is { } file && !File.Exists(file))
        {
            failures.Add($"{Prefix}RootKeyFile '{file}' does not exist.");
        }

        if (string.IsNullOrWhiteSpace(options.KeyDirectory))
        {
            failures.Add($"{Prefix}KeyDirectory must name a directory.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsKey(string text)
    {
        Span<byte> key = stackalloc byte[33];
        return Convert.TryFromBase64String(text.Trim(), key, out var written) && written == 32;
    }
}
