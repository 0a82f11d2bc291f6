namespace PrecisionCloud.UserPlane;

/// <summary>
/// Carries out what a rule change asks of the ports (<see cref="SessionChange"/>): End Markers on the old paths and
/// buffered downlink packets to send now. The hosted user plane provides one; a control plane (N4, static
/// configuration) hands it each change it installs.
/// </summary>
public interface ISessionChangeSink
{
    /// <summary>Sends the End Markers and the released packets of a change.</summary>
    /// <param name="change">The change, as <see cref="UserPlane.Modify"/> returned it.</param>
    void Apply(SessionChange change);
}
