using PrecisionCloud.Security.Identity;

namespace PrecisionCloud.Security.Tests.Identity;

public sealed class SpiffeIdTests
{
    [Fact]
    public void A_workload_id_names_its_site_kind_and_name()
    {
        var id = SpiffeId.ForWorkload("operator.example", "edge-1", "app", "video-analytics");

        Assert.Equal("spiffe://operator.example/site/edge-1/app/video-analytics", id.ToString());
        Assert.Equal(("operator.example", "edge-1", "app", "video-analytics"), (id.TrustDomain, id.Site, id.Kind, id.Name));
        Assert.Equal(id, SpiffeId.Parse(id.ToString()));
    }

    [Fact]
    public void Other_paths_are_ids_without_site_kind_and_name()
    {
        var id = SpiffeId.Parse("spiffe://example.org/ns/default/sa/web");

        Assert.Equal("/ns/default/sa/web", id.Path);
        Assert.Null(id.Site);
        Assert.Null(id.Kind);
        Assert.Equal("spiffe://example.org", SpiffeId.Parse("spiffe://example.org").ToString());
    }

    [Theory]
    [InlineData("http://example.org/a", "starts with 'spiffe://'")]
    [InlineData("spiffe://", "trust domain ''")]
    [InlineData("spiffe://Example.org/a", "trust domain 'Example.org'")]
    [InlineData("spiffe://exa mple.org/a", "trust domain")]
    [InlineData("spiffe://example.org/a//b", "path segment ''")]
    [InlineData("spiffe://example.org/a/../b", "path segment '..'")]
    [InlineData("spiffe://example.org/a/./b", "path segment '.'")]
    [InlineData("spiffe://example.org/a/", "path segment ''")]
    [InlineData("spiffe://example.org/a?b", "path segment 'a?b'")]
    [InlineData("spiffe://user@example.org/a", "trust domain 'user@example.org'")]
    public void Anything_the_specification_forbids_is_refused_with_the_reason(string text, string reason)
    {
        Assert.False(SpiffeId.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
