using System.Text;
using System.Text.Json;

namespace PrecisionCloud.Resources.Oci.Runtime;

/// <summary>
/// Writes a runtime bundle's <c>config.json</c> (OCI runtime specification 1.0.2, <c>config.md</c> and
/// <c>config-linux.md</c>): the process, the root file system, the mounts a Linux container expects, its namespaces,
/// and its cgroup limits. The capabilities are the usual container defaults; the masked and read-only paths hide
/// the host's kernel interfaces as runc's own defaults do.
/// </summary>
internal static class OciBundle
{
    private static readonly string[] Capabilities =
    [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID", "CAP_SETUID",
        "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE",
    ];

    private static readonly string[] MaskedPaths =
    [
        "/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats",
        "/proc/sched_debug", "/sys/firmware", "/proc/scsi",
    ];

    private static readonly string[] CapabilitySets = ["bounding", "effective", "permitted"];
    private static readonly string[] ContainerNamespaces = ["pid", "ipc", "uts", "mount"];
    private static readonly string[] ProbeNamespaces = ["pid", "ipc", "uts", "mount", "network"];
    private static readonly string[] ReadonlyPaths = ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"];

    public static string Config(ContainerConfig config) => Write(writer =>
    {
        writer.WriteString("ociVersion", "1.0.2");
        writer.WriteStartObject("process");
        writer.WriteBoolean("terminal", false);
        writer.WriteStartObject("user");
        writer.WriteNumber("uid", config.Uid);
        writer.WriteNumber("gid", config.Gid);
        writer.WriteEndObject();
        Strings(writer, "args", config.Args);
        Strings(writer, "env", config.Environment);
        writer.WriteString("cwd", config.WorkingDirectory);
        writer.WriteStartObject("capabilities");
        foreach (var set in CapabilitySets)
        {
            Strings(writer, set, Capabilities);
        }

        writer.WriteEndObject();
        writer.WriteBoolean("noNewPrivileges", true);
        writer.WriteEndObject();

        writer.WriteStartObject("root");
        writer.WriteString("path", "rootfs");
        writer.WriteBoolean("readonly", false);
        writer.WriteEndObject();
        writer.WriteString("hostname", config.Hostname);

        writer.WriteStartArray("mounts");
        StandardMounts(writer);
        foreach (var mount in config.Mounts)
        {
            Mount(writer, mount.Destination, "bind", mount.Source, ["rbind", mount.ReadOnly ? "ro" : "rw", "nosuid", "nodev"]);
        }

        writer.WriteEndArray();

        writer.WriteStartObject("linux");
        writer.WriteString("cgroupsPath", config.CgroupsPath);
        writer.WriteStartObject("resources");
        writer.WriteStartArray("devices");
        writer.WriteStartObject();
        writer.WriteBoolean("allow", false);
        writer.WriteString("access", "rwm");
        writer.WriteEndObject();
        writer.WriteEndArray();
        if (config.MemoryLimitBytes is { } memory)
        {
            writer.WriteStartObject("memory");
            writer.WriteNumber("limit", memory);
            writer.WriteEndObject();
        }

        if (config.CpuQuotaMicroseconds is { } quota)
        {
            writer.WriteStartObject("cpu");
            writer.WriteNumber("quota", quota);
            writer.WriteNumber("period", config.CpuPeriodMicroseconds);
            writer.WriteEndObject();
        }

        writer.WriteStartObject("pids");
        writer.WriteNumber("limit", config.PidsLimit);
        writer.WriteEndObject();
        if (config.HugePages2MiBLimitBytes is { } huge)
        {
            writer.WriteStartArray("hugepageLimits");
            writer.WriteStartObject();
            writer.WriteString("pageSize", "2MB");
            writer.WriteNumber("limit", huge);
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteStartArray("namespaces");
        foreach (var type in ContainerNamespaces)
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WriteEndObject();
        }

        writer.WriteStartObject();
        writer.WriteString("type", "network");
        if (config.NetworkNamespace is { } path)
        {
            writer.WriteString("path", path);
        }

        writer.WriteEndObject();
        writer.WriteEndArray();
        Strings(writer, "maskedPaths", MaskedPaths);
        Strings(writer, "readonlyPaths", ReadonlyPaths);
        writer.WriteEndObject();
    });

    /// <summary>A container that runs one host program from the host's <c>/usr</c> (read-only) under the usual limits.</summary>
    public static string ProbeConfig(string program, long pidsLimit) => Write(writer =>
    {
        writer.WriteString("ociVersion", "1.0.2");
        writer.WriteStartObject("process");
        writer.WriteBoolean("terminal", false);
        writer.WriteStartObject("user");
        writer.WriteNumber("uid", 0);
        writer.WriteNumber("gid", 0);
        writer.WriteEndObject();
        Strings(writer, "args", [program]);
        Strings(writer, "env", ["PATH=/usr/sbin:/usr/bin:/sbin:/bin"]);
        writer.WriteString("cwd", "/");
        writer.WriteBoolean("noNewPrivileges", true);
        writer.WriteEndObject();
        writer.WriteStartObject("root");
        writer.WriteString("path", "rootfs");
        writer.WriteBoolean("readonly", true);
        writer.WriteEndObject();
        writer.WriteStartArray("mounts");
        Mount(writer, "/proc", "proc", "proc", []);
        Mount(writer, "/usr", "bind", "/usr", ["rbind", "ro"]);
        writer.WriteEndArray();
        writer.WriteStartObject("linux");
        writer.WriteStartObject("resources");
        writer.WriteStartObject("memory");
        writer.WriteNumber("limit", 64L * 1024 * 1024);
        writer.WriteEndObject();
        writer.WriteStartObject("cpu");
        writer.WriteNumber("quota", 50_000);
        writer.WriteNumber("period", 100_000);
        writer.WriteEndObject();
        writer.WriteStartObject("pids");
        writer.WriteNumber("limit", pidsLimit);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartArray("namespaces");
        foreach (var type in ProbeNamespaces)
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static void StandardMounts(Utf8JsonWriter writer)
    {
        Mount(writer, "/proc", "proc", "proc", []);
        Mount(writer, "/dev", "tmpfs", "tmpfs", ["nosuid", "strictatime", "mode=755", "size=65536k"]);
        Mount(writer, "/dev/pts", "devpts", "devpts", ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620"]);
        Mount(writer, "/dev/shm", "tmpfs", "shm", ["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"]);
        Mount(writer, "/dev/mqueue", "mqueue", "mqueue", ["nosuid", "noexec", "nodev"]);
        Mount(writer, "/sys", "sysfs", "sysfs", ["nosuid", "noexec", "nodev", "ro"]);
        Mount(writer, "/sys/fs/cgroup", "cgroup", "cgroup", ["nosuid", "noexec", "nodev", "relatime", "ro"]);
    }

    private static void Mount(Utf8JsonWriter writer, string destination, string type, string source, IReadOnlyList<string> options)
    {
        writer.WriteStartObject();
        writer.WriteString("destination", destination);
        writer.WriteString("type", type);
        writer.WriteString("source", source);
        if (options.Count > 0)
        {
            Strings(writer, "options", options);
        }

        writer.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
