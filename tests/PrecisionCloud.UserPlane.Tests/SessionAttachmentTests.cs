using PrecisionCloud.UserPlane.Packets;
using static PrecisionCloud.UserPlane.Tests.TestPackets;

namespace PrecisionCloud.UserPlane.Tests;

public sealed class SessionAttachmentTests : IDisposable
{
    private readonly UserPlane _userPlane = new(new UserPlaneOptions { N3Address = Upf });

    public void Dispose() => _userPlane.Dispose();

    [Fact]
    public void Each_session_names_its_ue_address_and_the_gnb_its_downlink_goes_to()
    {
        _userPlane.Establish(Session(1, 0x100, "10.45.0.2", 0x200));
        _userPlane.Establish(Session(2, 0x101, "10.45.0.3", 0x201));

        var attachments = _userPlane.GetAttachments().OrderBy(a => a.Seid).ToList();

        Assert.Equal(
            [new SessionAttachment(1, InetAddress.Parse("10.45.0.2"), Gnb), new SessionAttachment(2, InetAddress.Parse("10.45.0.3"), Gnb)],
            attachments);
        _userPlane.Delete(1);
        Assert.Equal(2ul, Assert.Single(_userPlane.GetAttachments()).Seid);
    }
}
