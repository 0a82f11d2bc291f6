using System.ComponentModel.DataAnnotations;

namespace PrecisionCloud.UserPlane.Pfcp.Simulation;

/// <summary>What the SMF simulator drives: the agent, how many sessions, how fast, and what they look like.</summary>
public sealed class SmfSimulatorOptions
{
    /// <summary>The configuration section the simulator command binds (<c>SmfSimulator</c>).</summary>
    public const string SectionName = "SmfSimulator";

    /// <summary>The agent's N4 address and port; <c>127.0.0.1:8805</c> by default.</summary>
    [Required]
    public string Agent { get; set; } = "127.0.0.1:8805";

    /// <summary>The simulator's own address (its Node ID and F-SEID); <c>127.0.0.1</c> by default.</summary>
    [Required]
    public string LocalAddress { get; set; } = "127.0.0.1";

    /// <summary>Sessions to establish; 1000 by default.</summary>
    [Range(1, 10_000_000)]
    public int Sessions { get; set; } = 1000;

    /// <summary>Establishments per second to offer; 0 (the default) sends as fast as the window allows.</summary>
    [Range(0, 10_000_000)]
    public double Rate { get; set; }

    /// <summary>Requests in flight at most; 64 by default.</summary>
    [Range(1, 65_536)]
    public int Window { get; set; } = 64;

    /// <summary>Whether to delete the sessions afterwards; yes by default.</summary>
    public bool Delete { get; set; } = true;

    /// <summary>How long to wait for an answer before counting the request as unanswered; 3 s by default.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The first UE address; each session takes the next one. <c>10.60.0.1</c> by default.</summary>
    [Required]
    public string FirstUeAddress { get; set; } = "10.60.0.1";

    /// <summary>The gNB the downlink FARs send to; <c>10.200.0.2</c> by default.</summary>
    [Required]
    public string GnbAddress { get; set; } = "10.200.0.2";

    /// <summary>The network instance of the N6 side; <c>internet</c> by default.</summary>
    [Required]
    public string NetworkInstance { get; set; } = "internet";
}
