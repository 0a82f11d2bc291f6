using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Storage;

namespace PrecisionCloud.Resources.Tests;

public sealed class ResourceJsonTests
{
    [Fact]
    public void A_minimal_spec_keeps_every_default()
    {
        var workload = ResourceJson.ReadWorkloadSpec("""{"tenant":"t","name":"w","image":{"reference":"busybox"}}""");
        var tenant = ResourceJson.ReadTenantSpec("""{"name":"t"}""");
        var volume = ResourceJson.ReadVolumeSpec("""{"tenant":"t","name":"v"}""");

        Assert.Equal(new WorkloadSpec { Tenant = "t", Name = "w", Image = new WorkloadImage("busybox") }.Replicas, workload.Replicas);
        Assert.Equal((1, 256L, RestartPolicy.Always, 0, 0), (workload.Resources.VCpus, workload.Resources.MemoryMiB, workload.RestartPolicy, workload.Networks.Count, workload.Environment.Count));
        Assert.NotNull(workload.Placement.NodeLabels);
        Assert.Empty(tenant.Members);
        Assert.Null(tenant.Quota.VCpus);
        Assert.Equal((VolumeKind.File, 1L), (volume.Kind, volume.SizeGiB));
    }

    [Theory]
    [InlineData("""{"name":"w","image":{"reference":"x"}}""", "$")]
    [InlineData("""{"tenant":"t","name":"w","image":{"reference":"x"},"kind":"Spaceship"}""", "$.kind")]
    [InlineData("""{"tenant":"t","name":"w","image":{"reference":"x"},"replicas":"many"}""", "$.replicas")]
    [InlineData("""{"tenant":"t",""", "$")]
    public void Malformed_specs_are_typed_errors_naming_the_field(string json, string field)
    {
        var refused = Assert.Throws<ResourceValidationException>(() => ResourceJson.ReadWorkloadSpec(json));

        Assert.StartsWith(field, refused.Field, StringComparison.Ordinal);
    }

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public void Any_text_is_either_a_spec_or_a_typed_error(string text)
    {
        try
        {
            ResourceJson.ReadWorkloadSpec(text ?? string.Empty);
        }
        catch (ResourceValidationException)
        {
        }
    }
}
