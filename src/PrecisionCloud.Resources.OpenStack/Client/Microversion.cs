using System.Globalization;

namespace PrecisionCloud.Resources.OpenStack.Client;

/// <summary>An API microversion such as 2.79: compared by major, then minor.</summary>
/// <param name="Major">The major version.</param>
/// <param name="Minor">The minor version.</param>
public readonly record struct Microversion(int Major, int Minor) : IComparable<Microversion>
{
    /// <summary>Reads <c>2.79</c>; <see langword="null"/> for anything else (an empty string: the service has no microversions).</summary>
    /// <param name="text">The text.</param>
    public static Microversion? Parse(string? text)
    {
        var dot = text?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        return dot > 0 && int.TryParse(text![..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            && int.TryParse(text[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            ? new Microversion(major, minor)
            : null;
    }

    /// <inheritdoc/>
    public int CompareTo(Microversion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    /// <summary>Whether the left is older.</summary>
    /// <param name="left">The left version.</param>
    /// <param name="right">The right version.</param>
    public static bool operator <(Microversion left, Microversion right) => left.CompareTo(right) < 0;

    /// <summary>Whether the left is newer.</summary>
    /// <param name="left">The left version.</param>
    /// <param name="right">The right version.</param>
    public static bool operator >(Microversion left, Microversion right) => left.CompareTo(right) > 0;

    /// <summary>Whether the left is older or the same.</summary>
    /// <param name="left">The left version.</param>
    /// <param name="right">The right version.</param>
    public static bool operator <=(Microversion left, Microversion right) => left.CompareTo(right) <= 0;

    /// <summary>Whether the left is newer or the same.</summary>
    /// <param name="left">The left version.</param>
    /// <param name="right">The right version.</param>
    public static bool operator >=(Microversion left, Microversion right) => left.CompareTo(right) >= 0;

    /// <summary>The version as <c>2.79</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");
}
