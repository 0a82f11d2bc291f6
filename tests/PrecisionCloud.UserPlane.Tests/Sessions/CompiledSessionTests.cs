namespace PrecisionCloud.UserPlane.Tests.Sessions;

public sealed class CompiledSessionTests
{
    [Fact]
    public void Uplink_pdrs_on_several_teids_are_each_found_by_their_own_teid_and_leave_with_them()
    {
        using var userPlane = new UserPlane(new UserPlaneOptions { N3Address = TestPackets.Upf });
        var session = TestPackets.Session(seid: 7, uplinkTeid: 100, "10.0.0.7", gnbTeid: 9);
        var second = session.Pdrs[0] with { Id = 3, Precedence = 50, Pdi = session.Pdrs[0].Pdi with { LocalTeid = 200 } };
        var third = session.Pdrs[0] with { Id = 4, Precedence = 10, Pdi = session.Pdrs[0].Pdi with { LocalTeid = 300 } };
        var sharing = session.Pdrs[0] with { Id = 5, Precedence = 5, Pdi = session.Pdrs[0].Pdi with { LocalTeid = 200 } };
        userPlane.Establish(session with { Pdrs = [.. session.Pdrs, second, third, sharing] });

        var compiled = userPlane.Teids.Find(100)!.Current;
        Assert.Equal(3, compiled.UplinkGroupCount);
        Assert.Equal([1], userPlane.Teids.FindPdrs(100)!.Select(p => p.Id));
        Assert.Equal([5, 3], userPlane.Teids.FindPdrs(200)!.Select(p => p.Id));
        Assert.Equal([4], userPlane.Teids.FindPdrs(300)!.Select(p => p.Id));
        Assert.Same(userPlane.Teids.FindPdrs(300), compiled.UplinkFor(300));
        Assert.Null(compiled.UplinkFor(400));
        Assert.Equal(5, compiled.Fars().Count());

        // Dropping the PDRs of TEID 200 takes only that TEID out of the index.
        userPlane.Modify(session with { Pdrs = [.. session.Pdrs, third] });
        Assert.NotNull(userPlane.Teids.FindPdrs(100));
        Assert.Null(userPlane.Teids.FindPdrs(200));
        Assert.NotNull(userPlane.Teids.FindPdrs(300));
        Assert.Equal(2, userPlane.Teids.Find(100)!.Current.UplinkGroupCount);
    }
}
