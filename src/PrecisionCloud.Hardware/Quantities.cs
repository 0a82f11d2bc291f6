namespace PrecisionCloud.Hardware;

/// <summary>Formats quantities for humans, in binary units for memory.</summary>
internal static class Quantities
{
    private const double Kibi = 1024;

    public static string Bytes(long bytes)
    {
        var value = (double)bytes;
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        var unit = 0;
        while (Math.Abs(value) >= Kibi && unit < units.Length - 1)
        {
            value /= Kibi;
            unit++;
        }

        return $"{value:0.##} {units[unit]}";
    }

    public static string Gbps(double gbps) => $"{gbps:0.##} Gbit/s";
}
