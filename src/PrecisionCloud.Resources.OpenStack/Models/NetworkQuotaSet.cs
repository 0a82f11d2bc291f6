namespace PrecisionCloud.Resources.OpenStack.Models;

/// <summary>Neutron quotas of a project; <see langword="null"/> leaves a value as it is, -1 is unlimited.</summary>
/// <param name="Networks">Networks.</param>
/// <param name="Subnets">Subnets.</param>
/// <param name="Ports">Ports.</param>
/// <param name="SecurityGroups">Security groups.</param>
/// <param name="SecurityGroupRules">Security group rules.</param>
public sealed record NetworkQuotaSet(long? Networks = null, long? Subnets = null, long? Ports = null, long? SecurityGroups = null, long? SecurityGroupRules = null);
