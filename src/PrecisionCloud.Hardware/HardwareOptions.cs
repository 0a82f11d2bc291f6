using PrecisionCloud.Hardware.Inventory;

namespace PrecisionCloud.Hardware;

/// <summary>Options of the hardware abstraction: where to read the inventory from and how to classify it.</summary>
public sealed class HardwareOptions
{
    /// <summary>The configuration section these options bind to, under the PrecisionCloud section.</summary>
    public const string SectionName = "Hardware";

    /// <summary>
    /// The directory that stands for <c>/</c> when reading <c>/proc</c> and <c>/sys</c>. Default <c>/</c>;
    /// point it at a fixture tree or a copy of another node's files to inventory those instead.
    /// </summary>
    public string Root { get; set; } = "/";

    /// <summary>The node's name; default: the host name read under <see cref="Root"/>.</summary>
    public string? NodeName { get; set; }

    /// <summary>Forces a form factor instead of deriving it with <see cref="FormFactorRules"/>.</summary>
    public FormFactor? FormFactor { get; set; }

    /// <summary>The rules that derive the form factor from the inventory.</summary>
    public FormFactorRules FormFactorRules { get; set; } = new();

    /// <summary>PCI devices to report as accelerators, checked before the built-in table.</summary>
    public IList<AcceleratorRule> AcceleratorRules { get; } = [];

    /// <summary>How long an inventory is reused before the files are read again. Default 30 s; zero reads every time.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}
