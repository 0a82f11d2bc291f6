using System.Diagnostics.CodeAnalysis;

namespace PrecisionCloud.Security.Identity;

/// <summary>
/// A workload identity as a SPIFFE ID (<c>spiffe://trust-domain/path</c>, per the SPIFFE ID specification): the
/// trust domain in lowercase letters, digits, <c>.</c>, <c>-</c> and <c>_</c>; path segments of letters, digits,
/// <c>.</c>, <c>-</c> and <c>_</c>, none empty, <c>.</c> or <c>..</c>. PrecisionCloud names its workloads
/// <c>spiffe://trust-domain/site/site-name/kind/name</c> (<see cref="ForWorkload"/>).
/// </summary>
public sealed record SpiffeId
{
    private const string Scheme = "spiffe://";
    private const int MaxLength = 2048;

    private SpiffeId(string trustDomain, string path)
    {
        TrustDomain = trustDomain;
        Path = path;
    }

    /// <summary>The trust domain (for example <c>operator.example</c>).</summary>
    public string TrustDomain { get; }

    /// <summary>The path, starting with <c>/</c> (for example <c>/site/edge-1/app/video-analytics</c>).</summary>
    public string Path { get; }

    /// <summary>The site, for a PrecisionCloud workload ID; otherwise none.</summary>
    public string? Site => Segments is ["site", var site, _, _] ? site : null;

    /// <summary>The kind of workload (<c>nf</c>, <c>service</c>, <c>app</c>, ...), for a PrecisionCloud workload ID; otherwise none.</summary>
    public string? Kind => Segments is ["site", _, var kind, _] ? kind : null;

    /// <summary>The workload's name, for a PrecisionCloud workload ID; otherwise none.</summary>
    public string? Name => Segments is ["site", _, _, var name] ? name : null;

    /// <summary>The URI form.</summary>
    public Uri Uri => new(ToString());

    private string[] Segments => Path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The identity of a PrecisionCloud workload: <c>spiffe://trust-domain/site/site/kind/name</c>.</summary>
    /// <param name="trustDomain">The trust domain.</param>
    /// <param name="site">The site.</param>
    /// <param name="kind">The kind of workload (<c>nf</c>, <c>service</c>, <c>app</c>, ...).</param>
    /// <param name="name">The workload's name.</param>
    /// <returns>The identity.</returns>
    /// <exception cref="FormatException">A part is not a valid trust domain or path segment.</exception>
    public static SpiffeId ForWorkload(string trustDomain, string site, string kind, string name) =>
        Parse($"{Scheme}{trustDomain}/site/{site}/{kind}/{name}");

    /// <summary>Reads a SPIFFE ID.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The identity.</returns>
    /// <exception cref="FormatException">The text is not a SPIFFE ID; the message says why.</exception>
    public static SpiffeId Parse(string text) => TryParse(text, out var id, out var error) ? id : throw new FormatException(error);

    /// <summary>Reads a SPIFFE ID.</summary>
    /// <param name="text">The text.</param>
    /// <param name="id">The identity, when the text is one.</param>
    /// <param name="error">Why the text is not one, otherwise.</param>
    /// <returns>Whether the text is a SPIFFE ID.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SpiffeId? id, [NotNullWhen(false)] out string? error)
    {
        id = null;
        if (text is null || !text.StartsWith(Scheme, StringComparison.Ordinal))
        {
            error = "a SPIFFE ID starts with 'spiffe://'";
            return false;
        }

        if (text.Length > MaxLength)
        {
            error = $"a SPIFFE ID is at most {MaxLength} characters";
            return false;
        }

        var rest = text.AsSpan(Scheme.Length);
        var slash = rest.IndexOf('/');
        var trustDomain = slash < 0 ? rest : rest[..slash];
        var path = slash < 0 ? [] : rest[slash..];
        if (trustDomain.IsEmpty || trustDomain.ContainsAnyExcept(TrustDomainCharacters))
        {
            error = $"the trust domain '{trustDomain}' must be lowercase letters, digits, '.', '-' and '_'";
            return false;
        }

        foreach (var range in path.Length > 0 ? path[1..].Split('/') : default)
        {
            var segment = path[1..][range];
            if (segment.IsEmpty || segment is "." or ".." || segment.ContainsAnyExcept(SegmentCharacters))
            {
                error = $"the path segment '{segment}' must be letters, digits, '.', '-' and '_', and not '.' or '..'";
                return false;
            }
        }

        error = null;
        id = new SpiffeId(trustDomain.ToString(), path.ToString());
        return true;
    }

    /// <summary>The URI form, <c>spiffe://trust-domain/path</c>.</summary>
    /// <returns>The identity as text.</returns>
    public override string ToString() => Scheme + TrustDomain + Path;

    private static readonly System.Buffers.SearchValues<char> TrustDomainCharacters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789.-_");
    private static readonly System.Buffers.SearchValues<char> SegmentCharacters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_");
}
