namespace PrecisionCloud.Mec.Platform.Location;

/// <summary>Hears users moving between zones (the location subscriptions).</summary>
internal interface ILocationEvents
{
    void Moved(string address, UserLocation? from, UserLocation? to);
}
