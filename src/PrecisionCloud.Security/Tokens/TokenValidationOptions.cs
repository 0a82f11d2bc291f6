namespace PrecisionCloud.Security.Tokens;

/// <summary>What an access token must say to be accepted.</summary>
public sealed class TokenValidationOptions
{
    /// <summary>The issuer tokens must come from.</summary>
    public required string Issuer { get; set; }

    /// <summary>The audience tokens must be for (this API).</summary>
    public required string Audience { get; set; }

    /// <summary>How far clocks may disagree; at most five minutes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many validated tokens are remembered (their signature is not checked again until they expire).</summary>
    public int CacheSize { get; set; } = 100_000;
}
