using System.Globalization;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Providers;
using PrecisionCloud.Resources.Storage;

namespace PrecisionCloud.Resources.Kubernetes;

public sealed partial class KubernetesProvider
{
    private const string ContainerName = "main";

    /// <inheritdoc/>
    /// <remarks>
    /// A container workload is a Deployment pinned by <c>kubernetes.io/hostname</c> to the node placement chose, with
    /// requests equal to limits, the node labels as a selector, anti-affinity by group, the policies' labels on its
    /// pods and its volumes' claims mounted. A VM is a KubeVirt VirtualMachine booting its disk image as a container disk.
    /// </remarks>
    public async Task<ObservedWorkload> ApplyWorkloadAsync(WorkloadDeployment deployment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var capabilities = await CapabilitiesAsync(cancellationToken).ConfigureAwait(false);
        if (!capabilities.Kinds.Contains(deployment.Kind))
        {
            throw new InvalidOperationException($"provider '{Name}' runs {string.Join(", ", capabilities.Kinds)}, not {deployment.Kind}");
        }

        return deployment.Kind == WorkloadKind.VirtualMachine
            ? await ApplyVirtualMachineAsync(deployment, cancellationToken).ConfigureAwait(false)
            : await ApplyDeploymentAsync(deployment, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task DeleteWorkloadAsync(string uid, CancellationToken cancellationToken)
    {
        foreach (var deployment in (await _deployments.SnapshotAsync(cancellationToken).ConfigureAwait(false)).Where(d => KubernetesLabels.Get(d.Metadata.Labels, KubernetesLabels.Uid) == uid))
        {
            await DeleteOrGoneAsync($"delete Deployment {deployment.Metadata.NamespaceProperty}/{deployment.Metadata.Name}",
                () => _client.AppsV1.DeleteNamespacedDeploymentAsync(deployment.Metadata.Name, deployment.Metadata.NamespaceProperty, cancellationToken: cancellationToken)).ConfigureAwait(false);
            _deployments.Forget(deployment);
        }

        if (Capabilities.Kinds.Contains(WorkloadKind.VirtualMachine))
        {
            foreach (var vm in await ListVirtualMachinesAsync(cancellationToken).ConfigureAwait(false))
            {
                if (vm["metadata"]?["labels"]?[KubernetesLabels.Uid]?.GetValue<string>() == uid)
                {
                    var (ns, name) = (vm["metadata"]!["namespace"]!.GetValue<string>(), vm["metadata"]!["name"]!.GetValue<string>());
                    await DeleteOrGoneAsync($"delete VirtualMachine {ns}/{name}",
                        () => _client.CustomObjects.DeleteNamespacedCustomObjectAsync(KubeVirtGroup, "v1", ns, "virtualmachines", name, cancellationToken: cancellationToken)).ConfigureAwait(false);
                }
            }
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ObservedWorkload>> ListWorkloadsAsync(CancellationToken cancellationToken)
    {
        var capabilities = await CapabilitiesAsync(cancellationToken).ConfigureAwait(false);
        var result = (await _deployments.SnapshotAsync(cancellationToken).ConfigureAwait(false))
            .GroupBy(d => KubernetesLabels.Get(d.Metadata.Labels, KubernetesLabels.Uid) ?? string.Empty, StringComparer.Ordinal)
            .Select(Observe)
            .ToList();
        if (capabilities.Kinds.Contains(WorkloadKind.VirtualMachine))
        {
            result.AddRange((await ListVirtualMachinesAsync(cancellationToken).ConfigureAwait(false)).Select(ObserveVirtualMachine));
        }

        return result;
    }

    private async Task<ObservedWorkload> ApplyDeploymentAsync(WorkloadDeployment deployment, CancellationToken cancellationToken)
    {
        // With networks attached each replica has its own addresses, so each is a Deployment of one pod
        // (name-0, name-1, ...) carrying its Multus attachments; without, one Deployment holds every replica.
        var spec = deployment.Spec;
        var ns = NamespaceOf(spec.Tenant);
        var perReplica = deployment.Networks.Count > 0;
        var names = perReplica
            ? Enumerable.Range(0, spec.Replicas).Select(i => (Name: string.Create(CultureInfo.InvariantCulture, $"{spec.Name}-{i}"), Replica: (int?)i)).ToList()
            : [(spec.Name, (int?)null)];
        foreach (var stale in (await _deployments.SnapshotAsync(cancellationToken).ConfigureAwait(false))
            .Where(d => KubernetesLabels.Get(d.Metadata.Labels, KubernetesLabels.Uid) == deployment.Uid && names.All(n => n.Name != d.Metadata.Name)))
        {
            await DeleteOrGoneAsync($"delete Deployment {ns}/{stale.Metadata.Name}",
                () => _client.AppsV1.DeleteNamespacedDeploymentAsync(stale.Metadata.Name, ns, cancellationToken: cancellationToken)).ConfigureAwait(false);
            _deployments.Forget(stale);
        }

        var applied = new List<V1Deployment>();
        foreach (var (name, replica) in names)
        {
            applied.Add(await ApplyOneDeploymentAsync(deployment, name, replica, cancellationToken).ConfigureAwait(false));
        }

        return Observe(applied.GroupBy(_ => deployment.Uid).Single());
    }

    private async Task<V1Deployment> ApplyOneDeploymentAsync(WorkloadDeployment deployment, string deploymentName, int? replica, CancellationToken cancellationToken)
    {
        var spec = deployment.Spec;
        var ns = NamespaceOf(spec.Tenant);
        var podLabels = new Dictionary<string, string>(Managed(deployment.Uid), StringComparer.Ordinal) { [KubernetesLabels.Workload] = spec.Name };
        foreach (var policy in deployment.SecurityPolicies)
        {
            podLabels[KubernetesLabels.PolicyPrefix + policy.Name] = "true";
        }

        if (spec.Placement.AntiAffinityGroup is { } group)
        {
            podLabels[KubernetesLabels.AntiAffinity] = group;
        }

        var labels = Managed(deployment.Uid);
        labels[KubernetesLabels.Workload] = spec.Name;
        var selector = new Dictionary<string, string> { [KubernetesLabels.Uid] = deployment.Uid };
        Dictionary<string, string>? podAnnotations = null;
        if (replica is { } index)
        {
            var value = index.ToString(CultureInfo.InvariantCulture);
            labels[KubernetesLabels.Replica] = value;
            podLabels[KubernetesLabels.Replica] = value;
            selector[KubernetesLabels.Replica] = value;
            podAnnotations = new Dictionary<string, string> { [MultusNetworksAnnotation] = Attachments(deployment, index) };
        }

        var nodeSelector = new Dictionary<string, string>(spec.Placement.NodeLabels, StringComparer.Ordinal) { [KubernetesLabels.Hostname] = deployment.Node };
        var quantities = new Dictionary<string, ResourceQuantity>(StringComparer.Ordinal)
        {
            ["cpu"] = new ResourceQuantity(Quantity(spec.Resources.VCpus)),
            ["memory"] = new ResourceQuantity(MiB(spec.Resources.MemoryMiB)),
        };
        if (spec.Resources.HugePagesMiB > 0)
        {
            quantities["hugepages-2Mi"] = new ResourceQuantity(MiB(spec.Resources.HugePagesMiB));
        }

        var body = new V1Deployment
        {
            Metadata = new V1ObjectMeta
            {
                Name = deploymentName,
                NamespaceProperty = ns,
                Labels = labels,
                Annotations = new Dictionary<string, string> { [KubernetesLabels.SpecHash] = deployment.SpecHash, [KubernetesLabels.Node] = deployment.Node },
            },
            Spec = new V1DeploymentSpec
            {
                Replicas = replica is null ? spec.Replicas : 1,
                Selector = new V1LabelSelector { MatchLabels = selector },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = podLabels, Annotations = podAnnotations },
                    Spec = new V1PodSpec
                    {
                        NodeSelector = nodeSelector,
                        RestartPolicy = "Always",
                        Affinity = spec.Placement.AntiAffinityGroup is { } antiAffinity ? new V1Affinity
                        {
                            PodAntiAffinity = new V1PodAntiAffinity
                            {
                                RequiredDuringSchedulingIgnoredDuringExecution =
                                [
                                    new V1PodAffinityTerm
                                    {
                                        TopologyKey = KubernetesLabels.Hostname,
                                        LabelSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { [KubernetesLabels.AntiAffinity] = antiAffinity } },
                                    },
                                ],
                            },
                        } : null,
                        Containers =
                        [
                            new V1Container
                            {
                                Name = ContainerName,
                                Image = spec.Image.Reference,
                                Command = spec.Command.Count > 0 ? [.. spec.Command] : null,
                                Env = spec.Environment.Count > 0 ? [.. spec.Environment.Select(e => new V1EnvVar { Name = e.Key, Value = e.Value })] : null,
                                Resources = new V1ResourceRequirements { Requests = quantities, Limits = quantities },
                                // A Block claim is a raw device at the mount path; a File claim a mounted file system.
                                VolumeMounts = deployment.Volumes.Any(v => v.Volume.Kind != VolumeKind.Block)
                                    ? [.. deployment.Volumes.Where(v => v.Volume.Kind != VolumeKind.Block).Select(v => new V1VolumeMount { Name = v.Volume.Name, MountPath = v.Mount.MountPath, ReadOnlyProperty = v.Mount.ReadOnly })]
                                    : null,
                                VolumeDevices = deployment.Volumes.Any(v => v.Volume.Kind == VolumeKind.Block)
                                    ? [.. deployment.Volumes.Where(v => v.Volume.Kind == VolumeKind.Block).Select(v => new V1VolumeDevice { Name = v.Volume.Name, DevicePath = v.Mount.MountPath })]
                                    : null,
                            },
                        ],
                        Volumes = deployment.Volumes.Count > 0
                            ? [.. deployment.Volumes.Select(v => new V1Volume { Name = v.Volume.Name, PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = v.Volume.Name, ReadOnlyProperty = v.Mount.ReadOnly } })]
                            : null,
                    },
                },
            },
        };
        var applied = await UpsertAsync($"apply Deployment {ns}/{deploymentName}",
            () => ReadOrNullAsync($"read Deployment {ns}/{deploymentName}", () => _client.AppsV1.ReadNamespacedDeploymentAsync(deploymentName, ns, cancellationToken: cancellationToken)),
            () => _client.AppsV1.CreateNamespacedDeploymentAsync(body, ns, cancellationToken: cancellationToken),
            current =>
            {
                RequireOwned(current.Metadata, deployment.Uid, $"Deployment {ns}/{deploymentName}");
                body.Metadata.ResourceVersion = current.Metadata.ResourceVersion;
                return _client.AppsV1.ReplaceNamespacedDeploymentAsync(body, deploymentName, ns, cancellationToken: cancellationToken);
            }).ConfigureAwait(false);

        // What was just written is known before the watch reports it, so the next pass does not see it missing.
        _deployments.Remember(applied);
        return applied;
    }

    // The Multus selection of one replica: each attached network's NetworkAttachmentDefinition with the replica's address.
    private static string Attachments(WorkloadDeployment deployment, int replica)
    {
        var list = new JsonArray();
        for (var i = 0; i < deployment.Networks.Count; i++)
        {
            var network = deployment.Networks[i];
            var address = network.ReplicaAddresses[Math.Min(replica, network.ReplicaAddresses.Count - 1)];
            list.Add(new JsonObject
            {
                ["name"] = AttachmentName(network.Network.Name),
                ["interface"] = string.Create(CultureInfo.InvariantCulture, $"net{i + 1}"),
                ["ips"] = new JsonArray(string.Create(CultureInfo.InvariantCulture, $"{address}/{network.PrefixLength}")),
            });
        }

        return list.ToJsonString();
    }

    private async Task<ObservedWorkload> ApplyVirtualMachineAsync(WorkloadDeployment deployment, CancellationToken cancellationToken)
    {
        var spec = deployment.Spec;
        var ns = NamespaceOf(spec.Tenant);
        var volumes = new JsonArray { new JsonObject { ["name"] = "root", ["containerDisk"] = new JsonObject { ["image"] = spec.Image.Reference } } };
        var disks = new JsonArray { new JsonObject { ["name"] = "root", ["disk"] = new JsonObject { ["bus"] = "virtio" } } };
        if (spec.UserData is { } userData)
        {
            volumes.Add(new JsonObject { ["name"] = "cloudinit", ["cloudInitNoCloud"] = new JsonObject { ["userData"] = userData } });
            disks.Add(new JsonObject { ["name"] = "cloudinit", ["disk"] = new JsonObject { ["bus"] = "virtio" } });
        }

        foreach (var volume in deployment.Volumes)
        {
            volumes.Add(new JsonObject { ["name"] = volume.Volume.Name, ["persistentVolumeClaim"] = new JsonObject { ["claimName"] = volume.Volume.Name } });
            disks.Add(new JsonObject { ["name"] = volume.Volume.Name, ["disk"] = new JsonObject { ["bus"] = "virtio" } });
        }

        var body = new JsonObject
        {
            ["apiVersion"] = "kubevirt.io/v1",
            ["kind"] = "VirtualMachine",
            ["metadata"] = new JsonObject
            {
                ["name"] = spec.Name,
                ["namespace"] = ns,
                ["labels"] = new JsonObject { [KubernetesLabels.ManagedBy] = KubernetesLabels.ManagedByValue, [KubernetesLabels.Owner] = _owner, [KubernetesLabels.Uid] = deployment.Uid },
                ["annotations"] = new JsonObject { [KubernetesLabels.SpecHash] = deployment.SpecHash, [KubernetesLabels.Node] = deployment.Node },
            },
            ["spec"] = new JsonObject
            {
                ["running"] = true,
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = new JsonObject { [KubernetesLabels.Uid] = deployment.Uid } },
                    ["spec"] = new JsonObject
                    {
                        ["nodeSelector"] = new JsonObject { [KubernetesLabels.Hostname] = deployment.Node },
                        ["domain"] = new JsonObject
                        {
                            ["cpu"] = new JsonObject { ["cores"] = (int)Math.Ceiling(spec.Resources.VCpus) },
                            ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["memory"] = MiB(spec.Resources.MemoryMiB) } },
                            ["devices"] = new JsonObject { ["disks"] = disks },
                        },
                        ["volumes"] = volumes,
                    },
                },
            },
        };

        // The object as the server answered it: no second list to find what was just written.
        return ObserveVirtualMachine(await UpsertCustomAsync(KubeVirtGroup, "virtualmachines", ns, spec.Name, body, cancellationToken).ConfigureAwait(false));
    }

    private Task<List<JsonNode>> ListVirtualMachinesAsync(CancellationToken cancellationToken) => ListCustomAsync(KubeVirtGroup, "virtualmachines", cancellationToken);

    private static ObservedWorkload Observe(IGrouping<string, V1Deployment> deployments)
    {
        var items = deployments.ToList();
        var perReplica = items.Any(d => KubernetesLabels.Get(d.Metadata.Labels, KubernetesLabels.Replica) is not null);
        var replicas = new List<ObservedReplica>();
        foreach (var deployment in items.OrderBy(d => int.TryParse(KubernetesLabels.Get(d.Metadata.Labels, KubernetesLabels.Replica), CultureInfo.InvariantCulture, out var i) ? i : 0))
        {
            var wanted = deployment.Spec?.Replicas ?? 1;
            var ready = Math.Min(wanted, deployment.Status?.ReadyReplicas ?? 0);
            var node = KubernetesLabels.Get(deployment.Metadata.Annotations, KubernetesLabels.Node);
            var first = perReplica && int.TryParse(KubernetesLabels.Get(deployment.Metadata.Labels, KubernetesLabels.Replica), CultureInfo.InvariantCulture, out var index) ? index : replicas.Count;
            replicas.AddRange(Enumerable.Range(0, wanted).Select(i => new ObservedReplica(first + i, i < ready ? ReplicaState.Running : ReplicaState.Creating, null, node)));
        }

        // Replicas that disagree on the applied hash (one edited behind our back) make the whole workload differ.
        var hashes = items.Select(d => KubernetesLabels.Get(d.Metadata.Annotations, KubernetesLabels.SpecHash) ?? string.Empty).Distinct(StringComparer.Ordinal).ToList();
        var message = items.SelectMany(d => d.Status?.Conditions ?? []).FirstOrDefault(c => c.Status == "False")?.Message;
        var firstItem = items[0];
        return new ObservedWorkload(
            deployments.Key,
            $"{firstItem.Metadata.NamespaceProperty}/{KubernetesLabels.Get(firstItem.Metadata.Labels, KubernetesLabels.Workload) ?? firstItem.Metadata.Name}",
            hashes.Count == 1 ? hashes[0] : string.Join("|", hashes),
            replicas,
            message);
    }

    private static ObservedWorkload ObserveVirtualMachine(JsonNode vm)
    {
        var metadata = vm["metadata"]!;
        var ready = vm["status"]?["ready"]?.GetValue<bool>() == true;
        var node = metadata["annotations"]?[KubernetesLabels.Node]?.GetValue<string>();
        return new ObservedWorkload(
            metadata["labels"]?[KubernetesLabels.Uid]?.GetValue<string>() ?? string.Empty,
            string.Create(CultureInfo.InvariantCulture, $"{metadata["namespace"]}/{metadata["name"]}"),
            metadata["annotations"]?[KubernetesLabels.SpecHash]?.GetValue<string>() ?? string.Empty,
            [new ObservedReplica(0, ready ? ReplicaState.Running : ReplicaState.Creating, null, node)]);
    }
}
