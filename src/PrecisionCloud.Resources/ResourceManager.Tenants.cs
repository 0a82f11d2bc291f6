using PrecisionCloud.Resources.Tenancy;

namespace PrecisionCloud.Resources;

public sealed partial class ResourceManager
{
    /// <summary>Creates or changes a tenant. Lowering a limit below what the tenant holds keeps its holdings; new requests are refused until it is under.</summary>
    /// <param name="spec">The tenant.</param>
    /// <param name="cancellationToken">Cancels the call before it commits.</param>
    /// <returns>The tenant as stored.</returns>
    /// <exception cref="ResourceValidationException">The spec is invalid.</exception>
    /// <exception cref="ResourceConflictException">The tenant is being deleted.</exception>
    public Task<Tenant> ApplyTenantAsync(TenantSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec = Copy(spec, ResourcesJsonContext.Default.TenantSpec);
        ResourceNames.Validate("name", spec.Name);
        ValidateQuota(spec.Quota);
        foreach (var member in spec.Members)
        {
            if (member is null || string.IsNullOrWhiteSpace(member.Subject) || string.IsNullOrWhiteSpace(member.Role))
            {
                throw new ResourceValidationException("members[]", "each member needs a subject and a role");
            }
        }

        return WriteAsync(() =>
        {
            Tenant tenant;
            if (_tenants.TryGetValue(spec.Name, out var existing))
            {
                if (existing.Deleting)
                {
                    throw new ResourceConflictException($"tenant '{spec.Name}' is being deleted");
                }

                if (SameJson(existing.Spec, spec, ResourcesJsonContext.Default.TenantSpec))
                {
                    return existing with { Usage = _quotas.GetUsage(spec.Name) };
                }

                tenant = existing with { Spec = spec, Generation = existing.Generation + 1, Status = existing.Status with { Ready = false, Events = AddEvent(existing.Status.Events, "Updated", "quota or members changed") } };
            }
            else
            {
                tenant = new Tenant { Uid = NewUid(), Spec = spec, Status = new ResourceStatus { Events = AddEvent([], "Created", "tenant created") } };
            }

            Commit(ResourceKind.Tenant, tenant.Key, existing is null ? ResourceChangeType.Added : ResourceChangeType.Modified, existing is null ? "Created" : "Updated", tenant);
            _tenants[tenant.Key] = tenant;
            _quotas.SetLimits(tenant.Key, spec.Quota.ToLimits());
            Wake();
            return tenant with { Usage = _quotas.GetUsage(spec.Name) };
        }, cancellationToken);
    }

    /// <summary>Deletes a tenant; refused while it holds workloads, volumes, networks or security policies.</summary>
    /// <param name="name">The tenant's name.</param>
    /// <param name="cancellationToken">Cancels the call before it commits.</param>
    /// <exception cref="ResourceNotFoundException">No such tenant.</exception>
    /// <exception cref="ResourceConflictException">The tenant still holds resources.</exception>
    public Task DeleteTenantAsync(string name, CancellationToken cancellationToken) => WriteAsync(() =>
    {
        var tenant = _tenants.GetValueOrDefault(name) ?? throw new ResourceNotFoundException(ResourceKind.Tenant, name);
        var prefix = name + "/";
        var held = _workloads.Keys.Concat(_volumes.Keys).Concat(_networks.Keys).Concat(_policies.Keys).Count(k => k.StartsWith(prefix, StringComparison.Ordinal));
        if (held > 0)
        {
            throw new ResourceConflictException($"tenant '{name}' still holds {held} resources; delete them first");
        }

        if (!tenant.Deleting)
        {
            tenant = tenant with { Deleting = true, Status = tenant.Status with { Events = AddEvent(tenant.Status.Events, "Deleting", "deletion requested") } };
            Commit(ResourceKind.Tenant, tenant.Key, ResourceChangeType.Modified, "Deleting", tenant);
            _tenants[name] = tenant;
            Wake();
        }

        return true;
    }, cancellationToken);

    /// <summary>A tenant with its current usage, or <see langword="null"/>.</summary>
    /// <param name="name">The tenant's name.</param>
    public Tenant? GetTenant(string name) => Read(() => _tenants.GetValueOrDefault(name) is { } tenant ? tenant with { Usage = _quotas.GetUsage(name) } : null);

    /// <summary>Every tenant with its current usage, by name.</summary>
    public IReadOnlyList<Tenant> ListTenants() => Read(() => (IReadOnlyList<Tenant>)[.. _tenants.Values.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t with { Usage = _quotas.GetUsage(t.Key) })]);

    internal void ForgetTenant(Tenant tenant)
    {
        if (_tenants.TryGetValue(tenant.Key, out var current) && current.Uid == tenant.Uid && current.Deleting && _quotas.TryRemove(tenant.Key))
        {
            Commit(ResourceKind.Tenant, tenant.Key, ResourceChangeType.Deleted, "Deleted", current);
            _tenants.Remove(tenant.Key);
        }
    }

    private Tenant RequireTenant(string name)
    {
        var tenant = _tenants.GetValueOrDefault(name) ?? throw new ResourceNotFoundException(ResourceKind.Tenant, name);
        return tenant.Deleting ? throw new ResourceConflictException($"tenant '{name}' is being deleted") : tenant;
    }

    private static void ValidateQuota(TenantQuota quota)
    {
        if (quota.VCpus is < 0 || double.IsNaN(quota.VCpus ?? 0) || quota.MemoryMiB is < 0 || quota.Instances is < 0 || quota.Volumes is < 0
            || quota.StorageGiB is < 0 || quota.Networks is < 0 || quota.Accelerators is < 0)
        {
            throw new ResourceValidationException("quota", "limits are zero or more (absent for unlimited)");
        }
    }

    private T Read<T>(Func<T> read)
    {
        _writer.Wait();
        try
        {
            return read();
        }
        finally
        {
            _writer.Release();
        }
    }

    private static bool SameJson<T>(T left, T right, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        System.Text.Json.JsonSerializer.Serialize(left, type) == System.Text.Json.JsonSerializer.Serialize(right, type);
}
