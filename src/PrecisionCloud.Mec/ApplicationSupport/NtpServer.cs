namespace PrecisionCloud.Mec.ApplicationSupport;

/// <summary>An NTP server the platform offers (ETSI GS MEC 011 clause 7.1.2.4, <c>ntpServers</c>).</summary>
public sealed record NtpServer
{
    /// <summary>How the server is addressed.</summary>
    public required NtpServerAddressType NtpServerAddrType { get; init; }

    /// <summary>Its address or name.</summary>
    public required string NtpServerAddr { get; init; }

    /// <summary>The minimum poll interval, as a power of two in seconds (1 to 17).</summary>
    public required int MinPollingInterval { get; init; }

    /// <summary>The maximum poll interval, as a power of two in seconds (1 to 17).</summary>
    public required int MaxPollingInterval { get; init; }

    /// <summary>Its local priority (1 is the highest).</summary>
    public required int LocalPriority { get; init; }

    /// <summary>How it authenticates.</summary>
    public required NtpAuthenticationOption AuthenticationOption { get; init; }

    /// <summary>The key number, for symmetric-key authentication.</summary>
    public int? AuthenticationKeyNum { get; init; }
}
