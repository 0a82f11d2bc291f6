using PrecisionCloud.UserPlane.Classification;
using PrecisionCloud.UserPlane.Rules;
using PrecisionCloud.UserPlane.Sessions;

namespace PrecisionCloud.UserPlane.Tests.Sessions;

public sealed class ClassifierCacheTests
{
    [Fact]
    public void Filter_lists_that_say_the_same_share_one_classifier_even_when_parsed_separately()
    {
        var cache = new ClassifierCache();
        var first = cache.For(Pdr(SourceInterface.Access, "permit out 17 from any 2152 to assigned", "permit out 6 from 10.0.0.0/8 to assigned 80-90"));
        var again = cache.For(Pdr(SourceInterface.Access, "permit out 17 from any 2152 to assigned", "permit out 6 from 10.0.0.0/8 to assigned 80-90"));

        Assert.NotNull(first);
        Assert.Same(first, again);
        Assert.Equal(1, cache.Count);
    }

    [Theory]
    [InlineData("permit out 17 from any 2153 to assigned")]
    [InlineData("permit out 6 from any 2152 to assigned")]
    [InlineData("permit out 17 from 10.0.0.0/8 2152 to assigned")]
    [InlineData("permit out 17 from any 2152 to assigned 53")]
    public void A_list_that_differs_in_any_field_gets_its_own_classifier(string other)
    {
        var cache = new ClassifierCache();
        var first = cache.For(Pdr(SourceInterface.Access, "permit out 17 from any 2152 to assigned"));
        var second = cache.For(Pdr(SourceInterface.Access, other));

        Assert.NotSame(first, second);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void The_same_list_for_uplink_and_downlink_compiles_twice_since_the_directions_differ()
    {
        var cache = new ClassifierCache();
        var filters = new[] { FlowDescription.Parse("permit out 17 from 192.0.2.0/24 to assigned") };
        var uplink = cache.For(Pdr(SourceInterface.Access, filters));
        var downlink = cache.For(Pdr(SourceInterface.Core, filters));

        Assert.NotSame(uplink, downlink);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void A_list_that_matches_everything_compiles_to_no_classifier()
    {
        Assert.Null(new ClassifierCache().For(Pdr(SourceInterface.Access, "permit out ip from any to assigned")));
    }

    private static PacketDetectionRule Pdr(SourceInterface source, params string[] filters) =>
        Pdr(source, [.. filters.Select(FlowDescription.Parse)]);

    private static PacketDetectionRule Pdr(SourceInterface source, FlowDescription[] filters) => new()
    {
        Id = 1,
        Precedence = 10,
        FarId = 1,
        Pdi = new PacketDetectionInformation { SourceInterface = source, SdfFilters = filters },
    };
}
