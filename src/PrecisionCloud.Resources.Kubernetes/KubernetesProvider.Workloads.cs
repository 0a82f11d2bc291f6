using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Providers;

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
        var result = (await _deployments.SnapshotAsync(cancellationToken).ConfigureAwait(false)).Select(Observe).ToList();
        if (capabilities.Kinds.Contains(WorkloadKind.VirtualMachine))
        {
            result.AddRange((await ListVirtualMachinesAsync(cancellationToken).ConfigureAwait(false)).Select(ObserveVirtualMachine));
        }

        return result;
    }

    private async Task<ObservedWorkload> ApplyDeploymentAsync(WorkloadDeployment deployment, CancellationToken cancellationToken)
    {
        var spec = deployment.Spec;
        var ns = NamespaceOf(spec.Tenant);
        var podLabels = new Dictionary<string, string>(KubernetesLabels.Managed(deployment.Uid), StringComparer.Ordinal) { [KubernetesLabels.Workload] = spec.Name };
        foreach (var policy in deployment.SecurityPolicies)
        {
            podLabels[KubernetesLabels.PolicyPrefix + policy.Name] = "true";
        }

        if (spec.Placement.AntiAffinityGroup is { } group)
        {
            podLabels[KubernetesLabels.AntiAffinity] = group;
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
                Name = spec.Name,
                NamespaceProperty = ns,
                Labels = KubernetesLabels.Managed(deployment.Uid),
                Annotations = new Dictionary<string, string> { [KubernetesLabels.SpecHash] = deployment.SpecHash, [KubernetesLabels.Node] = deployment.Node },
            },
            Spec = new V1DeploymentSpec
            {
                Replicas = spec.Replicas,
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { [KubernetesLabels.Uid] = deployment.Uid } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = podLabels },
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
                                VolumeMounts = deployment.Volumes.Count > 0 ? [.. deployment.Volumes.Select(v => new V1VolumeMount { Name = v.Volume.Name, MountPath = v.Mount.MountPath, ReadOnlyProperty = v.Mount.ReadOnly })] : null,
                            },
                        ],
                        Volumes = deployment.Volumes.Count > 0
                            ? [.. deployment.Volumes.Select(v => new V1Volume { Name = v.Volume.Name, PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = v.Volume.Name, ReadOnlyProperty = v.Mount.ReadOnly } })]
                            : null,
                    },
                },
            },
        };
        var applied = await UpsertAsync($"apply Deployment {ns}/{spec.Name}",
            () => ReadOrNullAsync($"read Deployment {ns}/{spec.Name}", () => _client.AppsV1.ReadNamespacedDeploymentAsync(spec.Name, ns, cancellationToken: cancellationToken)),
            () => _client.AppsV1.CreateNamespacedDeploymentAsync(body, ns, cancellationToken: cancellationToken),
            current =>
            {
                body.Metadata.ResourceVersion = current.Metadata.ResourceVersion;
                return _client.AppsV1.ReplaceNamespacedDeploymentAsync(body, spec.Name, ns, cancellationToken: cancellationToken);
            }).ConfigureAwait(false);

        // What was just written is known before the watch reports it, so the next pass does not see it missing.
        _deployments.Remember(applied);
        return Observe(applied);
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
                ["labels"] = new JsonObject { [KubernetesLabels.ManagedBy] = KubernetesLabels.ManagedByValue, [KubernetesLabels.Uid] = deployment.Uid },
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
        var element = JsonSerializer.SerializeToElement(body);
        for (var attempt = 0; ; attempt++)
        {
            var current = await ReadOrNullAsync($"read VirtualMachine {ns}/{spec.Name}",
                async () => (object)await _client.CustomObjects.GetNamespacedCustomObjectAsync<JsonElement>(KubeVirtGroup, "v1", ns, "virtualmachines", spec.Name, cancellationToken: cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            try
            {
                if (current is null)
                {
                    await _client.CustomObjects.CreateNamespacedCustomObjectAsync(element, KubeVirtGroup, "v1", ns, "virtualmachines", cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    body["metadata"]!["resourceVersion"] = ((JsonElement)current).GetProperty("metadata").GetProperty("resourceVersion").GetString();
                    await _client.CustomObjects.ReplaceNamespacedCustomObjectAsync(JsonSerializer.SerializeToElement(body), KubeVirtGroup, "v1", ns, "virtualmachines", spec.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                break;
            }
            catch (k8s.Autorest.HttpOperationException exception) when (exception.Response.StatusCode == System.Net.HttpStatusCode.Conflict && attempt < _options.ConflictRetries)
            {
                if (_logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Information))
                {
                    var operation = $"apply VirtualMachine {ns}/{spec.Name}";
                    LogConflict(_logger, operation, attempt + 1);
                }
            }
            catch (k8s.Autorest.HttpOperationException exception)
            {
                throw new KubernetesApiException($"apply VirtualMachine {ns}/{spec.Name}", (int)exception.Response.StatusCode, Detail(exception), exception);
            }
        }

        return (await ListWorkloadsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(w => w.Uid == deployment.Uid)
            ?? new ObservedWorkload(deployment.Uid, $"{ns}/{spec.Name}", deployment.SpecHash, [new ObservedReplica(0, ReplicaState.Creating, null, deployment.Node)]);
    }

    private async Task<List<JsonNode>> ListVirtualMachinesAsync(CancellationToken cancellationToken)
    {
        var list = await CallAsync("list VirtualMachines",
            () => _client.CustomObjects.ListClusterCustomObjectAsync<JsonElement>(KubeVirtGroup, "v1", "virtualmachines", labelSelector: KubernetesLabels.Selector, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return JsonNode.Parse(list.GetRawText())?["items"]?.AsArray().OfType<JsonNode>().ToList() ?? [];
    }

    private static ObservedWorkload Observe(V1Deployment deployment)
    {
        var wanted = deployment.Spec?.Replicas ?? 1;
        var ready = Math.Min(wanted, deployment.Status?.ReadyReplicas ?? 0);
        var node = KubernetesLabels.Get(deployment.Metadata.Annotations, KubernetesLabels.Node);
        var replicas = Enumerable.Range(0, wanted).Select(i => new ObservedReplica(i, i < ready ? ReplicaState.Running : ReplicaState.Creating, null, node)).ToList();
        var message = deployment.Status?.Conditions?.FirstOrDefault(c => c.Status == "False")?.Message;
        return new ObservedWorkload(
            KubernetesLabels.Get(deployment.Metadata.Labels, KubernetesLabels.Uid) ?? string.Empty,
            $"{deployment.Metadata.NamespaceProperty}/{deployment.Metadata.Name}",
            KubernetesLabels.Get(deployment.Metadata.Annotations, KubernetesLabels.SpecHash) ?? string.Empty,
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
