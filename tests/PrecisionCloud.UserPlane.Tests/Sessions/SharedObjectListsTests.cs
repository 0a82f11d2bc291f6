using PrecisionCloud.UserPlane.Classification;
using PrecisionCloud.UserPlane.Sessions;

namespace PrecisionCloud.UserPlane.Tests.Sessions;

public sealed class SharedObjectListsTests
{
    private static readonly FlowDescription[] Filters = [FlowDescription.Parse("permit out 17 from any to assigned")];

    [Fact]
    public void Lists_of_the_same_objects_share_one_array()
    {
        var first = SharedObjectLists.For(["shared-objects-test", Filters]);
        var again = SharedObjectLists.For([new string("shared-objects-test".AsSpan()), Filters]);

        Assert.Same(first, again);
        Assert.Equal(2, first.Length);
    }

    [Fact]
    public void A_list_that_differs_in_one_object_order_or_length_gets_its_own_array()
    {
        var other = new FlowDescription[] { FlowDescription.Parse("permit out 17 from any to assigned") };
        var first = SharedObjectLists.For(["shared-objects-differ", Filters]);

        Assert.NotSame(first, SharedObjectLists.For(["shared-objects-differ", other]));
        Assert.NotSame(first, SharedObjectLists.For([Filters, "shared-objects-differ"]));
        Assert.NotSame(first, SharedObjectLists.For(["shared-objects-differ"]));
        Assert.Same(other, SharedObjectLists.For(["shared-objects-differ", other])[1]);
    }

    [Fact]
    public void No_objects_need_no_array()
    {
        Assert.Empty(SharedObjectLists.For([]));
    }
}
