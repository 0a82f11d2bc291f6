using System.Globalization;
using Microsoft.Extensions.Logging;

namespace PrecisionCloud.Hardware.Linux;

/// <summary>
/// Reads small text files under a root directory and turns every failure into a warning
/// (logged and collected), never an exception: a field that cannot be read is unknown.
/// </summary>
internal sealed partial class SysfsTree
{
    private readonly ILogger _logger;
    private readonly List<string> _warnings = [];

    public SysfsTree(string root, ILogger logger)
    {
        Root = Path.GetFullPath(root);
        _logger = logger;
    }

    public string Root { get; }

    public IReadOnlyList<string> Warnings => _warnings;

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    public bool DirectoryExists(string relativePath) => Directory.Exists(PathOf(relativePath));

    public void Warn(string message)
    {
        _warnings.Add(message);
        LogUnreadable(_logger, message);
    }

    /// <summary>The trimmed text of a file, or <see langword="null"/> when it is missing or unreadable.</summary>
    /// <param name="relativePath">The path under the root.</param>
    /// <param name="required">Whether a missing file is worth a warning (some files are absent by design).</param>
    public string? ReadText(string relativePath, bool required = true)
    {
        var path = PathOf(relativePath);
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            if (required)
            {
                Warn($"{relativePath}: missing");
            }

            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // sysfs answers some reads with an error by design (speed of a link that is down).
            if (required)
            {
                Warn($"{relativePath}: unreadable ({exception.Message})");
            }

            return null;
        }
    }

    public long? ReadInt64(string relativePath, bool required = true)
    {
        var text = ReadText(relativePath, required);
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Warn($"{relativePath}: '{Truncate(text)}' is not an integer");
        return null;
    }

    public int? ReadInt32(string relativePath, bool required = true)
    {
        var value = ReadInt64(relativePath, required);
        if (value is null)
        {
            return null;
        }

        if (value is < int.MinValue or > int.MaxValue)
        {
            Warn($"{relativePath}: {value} is out of range");
            return null;
        }

        return (int)value.Value;
    }

    /// <summary>Reads a <c>0x</c>-prefixed hexadecimal number, as sysfs writes PCI ids and classes.</summary>
    public int? ReadHex(string relativePath, bool required = true)
    {
        var text = ReadText(relativePath, required);
        if (text is null)
        {
            return null;
        }

        var digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        if (digits.Length is > 0 and <= 8 && int.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Warn($"{relativePath}: '{Truncate(text)}' is not a hexadecimal number");
        return null;
    }

    /// <summary>The value of one <c>KEY=value</c> line of a <c>uevent</c> file.</summary>
    public string? ReadUeventValue(string relativePath, string key)
    {
        var text = ReadText(relativePath, required: false);
        if (text is null)
        {
            return null;
        }

        foreach (var line in text.Split('\n'))
        {
            var separator = line.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0 && line.AsSpan(0, separator).SequenceEqual(key))
            {
                var value = line[(separator + 1)..].Trim();
                return value.Length == 0 ? null : value;
            }
        }

        return null;
    }

    /// <summary>The names of the subdirectories (or links to directories) of a directory, sorted; empty when missing.</summary>
    public IReadOnlyList<string> ListDirectories(string relativePath, string searchPattern = "*")
    {
        try
        {
            var names = Directory.GetDirectories(PathOf(relativePath), searchPattern)
                .Select(Path.GetFileName)
                .OfType<string>()
                .ToList();
            names.Sort(NaturalOrder);
            return names;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>The last path element of the target of a symbolic link, or <see langword="null"/>.</summary>
    public string? LinkTargetName(string relativePath)
    {
        try
        {
            var info = new FileInfo(PathOf(relativePath));
            var target = info.LinkTarget;
            return target is null ? null : Path.GetFileName(target.TrimEnd('/'));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "...";

    // cpu2 before cpu10, node1 before node12.
    private static int NaturalOrder(string? left, string? right)
    {
        static (string Prefix, long Number) Split(string name)
        {
            var end = name.Length;
            while (end > 0 && char.IsAsciiDigit(name[end - 1]))
            {
                end--;
            }

            return end < name.Length && long.TryParse(name.AsSpan(end), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? (name[..end], number)
                : (name, -1);
        }

        var (leftPrefix, leftNumber) = Split(left ?? string.Empty);
        var (rightPrefix, rightNumber) = Split(right ?? string.Empty);
        var byPrefix = string.CompareOrdinal(leftPrefix, rightPrefix);
        return byPrefix != 0 ? byPrefix : leftNumber.CompareTo(rightNumber);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Hardware inventory: {Message}; the field is reported unknown")]
    private static partial void LogUnreadable(ILogger logger, string message);
}
