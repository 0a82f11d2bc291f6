namespace PrecisionCloud.Resources.OpenStack.Client;

/// <summary>How a service pages a list.</summary>
internal enum PageStyle
{
    /// <summary><c>limit</c> and <c>marker</c>, with next links (Nova, Neutron, Cinder, Glance, Ironic).</summary>
    Marker,

    /// <summary><c>limit</c> and <c>offset</c> (Nova's server groups).</summary>
    Offset,

    /// <summary>The whole list at once, <c>truncated</c> when cut short (Keystone).</summary>
    Whole,
}
