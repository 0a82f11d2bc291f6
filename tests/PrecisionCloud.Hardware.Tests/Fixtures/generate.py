#!/usr/bin/env python3
"""Writes the /proc and /sys fixture trees the hardware tests read.

Each tree is a node shape PrecisionCloud must recognise. The files follow the kernel's formats
(Documentation/ABI/testing/sysfs-*, proc(5)); values are those of real machines of that shape.
Run from this directory: python3 generate.py (it rewrites the trees).
"""
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))

X86_FLAGS_AVX2 = ("fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 "
                  "ss ht syscall nx pdpe1gb rdtscp lm constant_tsc pni pclmulqdq ssse3 fma cx16 sse4_1 sse4_2 x2apic "
                  "movbe popcnt aes xsave avx f16c rdrand lahf_lm abm avx2 bmi1 bmi2 erms")
X86_FLAGS_AVX512 = X86_FLAGS_AVX2 + " avx512f avx512dq avx512cd avx512bw avx512vl avx512vbmi avx512_vnni"
ARM_FEATURES = "fp asimd evtstrm crc32 cpuid"  # Cortex-A72 in a SoC without the crypto extension


def write(root, path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(text)


def cpulist(cpus):
    cpus = sorted(cpus)
    parts, start = [], None
    for i, c in enumerate(cpus):
        if start is None:
            start = c
        if i + 1 == len(cpus) or cpus[i + 1] != c + 1:
            parts.append(str(start) if start == c else f"{start}-{c}")
            start = None
    return ",".join(parts)


def meminfo(total_kb, available_kb):
    return (f"MemTotal:       {total_kb} kB\nMemFree:        {available_kb - 1024} kB\n"
            f"MemAvailable:   {available_kb} kB\nBuffers:          20480 kB\nHugePages_Total:       0\n"
            "Hugepagesize:       2048 kB\n")


def node_meminfo(node, total_kb, free_kb):
    return (f"Node {node} MemTotal:       {total_kb} kB\nNode {node} MemFree:        {free_kb} kB\n"
            f"Node {node} MemUsed:        {total_kb - free_kb} kB\n")


def hugepages(root, base, pools):
    for size_kb, (total, free) in pools.items():
        write(root, f"{base}/hugepages-{size_kb}kB/nr_hugepages", f"{total}\n")
        write(root, f"{base}/hugepages-{size_kb}kB/free_hugepages", f"{free}\n")


def topology(root, cpus):
    """cpus: list of (cpu, package, core)."""
    write(root, "sys/devices/system/cpu/online", cpulist([c for c, _, _ in cpus]) + "\n")
    for cpu, package, core in cpus:
        write(root, f"sys/devices/system/cpu/cpu{cpu}/topology/physical_package_id", f"{package}\n")
        write(root, f"sys/devices/system/cpu/cpu{cpu}/topology/core_id", f"{core}\n")


def x86_cpuinfo(cpus, model, flags):
    blocks = []
    per_package = {}
    for _, package, core in cpus:
        per_package.setdefault(package, set()).add(core)
    siblings = len(cpus) // len(per_package)
    for cpu, package, core in cpus:
        blocks.append(
            f"processor\t: {cpu}\nvendor_id\t: GenuineIntel\ncpu family\t: 6\nmodel\t\t: 106\nmodel name\t: {model}\n"
            f"stepping\t: 6\ncpu MHz\t\t: 2600.000\ncache size\t: 43008 KB\nphysical id\t: {package}\nsiblings\t: {siblings}\n"
            f"core id\t\t: {core}\ncpu cores\t: {len(per_package[package])}\napicid\t\t: {cpu * 2}\nfpu\t\t: yes\n"
            f"flags\t\t: {flags}\nbogomips\t: 5200.00\nclflush size\t: 64\naddress sizes\t: 46 bits physical, 57 bits virtual\n")
    return "\n".join(blocks) + "\n"


def nic(root, name, *, mac, mtu, operstate, speed=None, driver=None, pci=None, numa=None, sriov=None, virtual=False):
    base = f"sys/class/net/{name}"
    write(root, f"{base}/address", mac + "\n")
    write(root, f"{base}/mtu", f"{mtu}\n")
    write(root, f"{base}/operstate", operstate + "\n")
    if speed is not None:
        write(root, f"{base}/speed", f"{speed}\n")
    if virtual:
        return
    uevent = f"DRIVER={driver}\n"
    if pci:
        uevent += f"PCI_CLASS=20000\nPCI_SLOT_NAME={pci}\n"
    write(root, f"{base}/device/uevent", uevent)
    if numa is not None:
        write(root, f"{base}/device/numa_node", f"{numa}\n")
    if sriov is not None:
        write(root, f"{base}/device/sriov_totalvfs", f"{sriov[0]}\n")
        write(root, f"{base}/device/sriov_numvfs", f"{sriov[1]}\n")


def pci(root, address, *, vendor, device, cls, numa=-1, driver=None):
    base = f"sys/bus/pci/devices/{address}"
    write(root, f"{base}/vendor", f"0x{vendor:04x}\n")
    write(root, f"{base}/device", f"0x{device:04x}\n")
    write(root, f"{base}/class", f"0x{cls:06x}\n")
    write(root, f"{base}/numa_node", f"{numa}\n")
    write(root, f"{base}/uevent", (f"DRIVER={driver}\n" if driver else "") + f"PCI_SLOT_NAME={address}\n")


def arm_embedded(root):
    """A 4-core Cortex-A72 gateway with 4 GiB, no PCI bus, no NUMA, on-SoC Ethernet and Wi-Fi."""
    blocks = [f"processor\t: {i}\nBogoMIPS\t: 108.00\nFeatures\t: {ARM_FEATURES}\nCPU implementer\t: 0x41\n"
              f"CPU architecture: 8\nCPU variant\t: 0x0\nCPU part\t: 0xd08\nCPU revision\t: 3\n" for i in range(4)]
    write(root, "proc/cpuinfo", "\n".join(blocks) + "\nHardware\t: BCM2835\nModel\t\t: Industrial gateway 4GB\n")
    write(root, "proc/meminfo", meminfo(3_884_476, 3_411_200))
    write(root, "proc/sys/kernel/hostname", "gw-line3\n")
    topology(root, [(i, 0, i) for i in range(4)])
    hugepages(root, "sys/kernel/mm/hugepages", {64: (0, 0), 2048: (64, 64), 32768: (0, 0), 1048576: (0, 0)})
    nic(root, "lo", mac="00:00:00:00:00:00", mtu=65536, operstate="unknown", virtual=True)
    nic(root, "eth0", mac="dc:a6:32:01:02:03", mtu=1500, operstate="up", speed=1000, driver="bcmgenet")
    nic(root, "wlan0", mac="dc:a6:32:01:02:04", mtu=1500, operstate="down", driver="brcmfmac")


def allinone_edge(root):
    """A one-socket 16-core Xeon edge server, sub-NUMA clustering (2 nodes), 128 GiB,
    an E810 25G NIC with SR-IOV, a T4 GPU, and the BMC's VGA (which is no GPU)."""
    cpus = []
    for cpu in range(32):
        core = cpu % 16
        cpus.append((cpu, 0, core))
    write(root, "proc/cpuinfo", x86_cpuinfo(cpus, "Intel(R) Xeon(R) Gold 6326 CPU @ 2.90GHz", X86_FLAGS_AVX2))
    write(root, "proc/meminfo", meminfo(131_716_000, 120_000_000))
    write(root, "proc/sys/kernel/hostname", "edge-aio-01\n")
    topology(root, cpus)
    hugepages(root, "sys/kernel/mm/hugepages", {2048: (2048, 1024), 1048576: (16, 16)})
    for node, node_cpus in ((0, list(range(0, 8)) + list(range(16, 24))), (1, list(range(8, 16)) + list(range(24, 32)))):
        base = f"sys/devices/system/node/node{node}"
        write(root, f"{base}/cpulist", cpulist(node_cpus) + "\n")
        write(root, f"{base}/meminfo", node_meminfo(node, 65_858_000, 60_000_000))
        hugepages(root, f"{base}/hugepages", {2048: (1024, 512), 1048576: (8, 8)})
    nic(root, "lo", mac="00:00:00:00:00:00", mtu=65536, operstate="unknown", virtual=True)
    nic(root, "docker0", mac="02:42:ac:11:00:01", mtu=1500, operstate="down", virtual=True)
    nic(root, "eno1", mac="3c:ec:ef:10:20:30", mtu=1500, operstate="up", speed=1000, driver="igb", pci="0000:03:00.0", numa=0, sriov=(7, 0))
    nic(root, "ens1f0", mac="b4:96:91:aa:bb:c0", mtu=9000, operstate="up", speed=25000, driver="ice", pci="0000:17:00.0", numa=0, sriov=(64, 8))
    nic(root, "ens1f1", mac="b4:96:91:aa:bb:c1", mtu=1500, operstate="down", speed=-1, driver="ice", pci="0000:17:00.1", numa=0, sriov=(64, 0))
    pci(root, "0000:00:00.0", vendor=0x8086, device=0x09a2, cls=0x060000)  # host bridge
    pci(root, "0000:02:00.0", vendor=0x1a03, device=0x2000, cls=0x030000, driver="ast")  # BMC VGA
    pci(root, "0000:03:00.0", vendor=0x8086, device=0x1521, cls=0x020000, numa=0, driver="igb")
    pci(root, "0000:17:00.0", vendor=0x8086, device=0x159b, cls=0x020000, numa=0, driver="ice")
    pci(root, "0000:17:00.1", vendor=0x8086, device=0x159b, cls=0x020000, numa=0, driver="ice")
    pci(root, "0000:af:00.0", vendor=0x10de, device=0x1eb8, cls=0x030200, numa=1, driver="nvidia")  # Tesla T4


def core_server(root):
    """A dual-socket 28-core Xeon Platinum pool server, 512 GiB, with an FPGA (PAC N3000),
    a BlueField-2 DPU and a QAT 4xxx offload engine."""
    cpus = []
    for cpu in range(112):
        package = (cpu // 28) % 2
        core = cpu % 28
        cpus.append((cpu, package, core))
    write(root, "proc/cpuinfo", x86_cpuinfo(cpus, "Intel(R) Xeon(R) Platinum 8380 CPU @ 2.30GHz", X86_FLAGS_AVX512))
    write(root, "proc/meminfo", meminfo(527_999_000, 500_000_000))
    write(root, "proc/sys/kernel/hostname", "pool-a-07\n")
    topology(root, cpus)
    hugepages(root, "sys/kernel/mm/hugepages", {2048: (0, 0), 1048576: (64, 60)})
    for node in (0, 1):
        node_cpus = [c for c, p, _ in cpus if p == node]
        base = f"sys/devices/system/node/node{node}"
        write(root, f"{base}/cpulist", cpulist(node_cpus) + "\n")
        write(root, f"{base}/meminfo", node_meminfo(node, 263_999_000, 250_000_000))
        hugepages(root, f"{base}/hugepages", {2048: (0, 0), 1048576: (32, 30)})
    nic(root, "lo", mac="00:00:00:00:00:00", mtu=65536, operstate="unknown", virtual=True)
    nic(root, "eno1", mac="3c:ec:ef:70:80:90", mtu=1500, operstate="up", speed=10000, driver="i40e", pci="0000:18:00.0", numa=0, sriov=(32, 0))
    nic(root, "ens5f0np0", mac="08:c0:eb:11:22:30", mtu=9000, operstate="up", speed=100000, driver="mlx5_core", pci="0000:ca:00.0", numa=1, sriov=(16, 4))
    pci(root, "0000:00:00.0", vendor=0x8086, device=0x09a2, cls=0x060000)
    pci(root, "0000:18:00.0", vendor=0x8086, device=0x1572, cls=0x020000, numa=0, driver="i40e")
    pci(root, "0000:3b:00.0", vendor=0x8086, device=0x0b30, cls=0x120000, numa=0, driver="dfl-pci")  # PAC N3000
    pci(root, "0000:6b:00.0", vendor=0x8086, device=0x4940, cls=0x0b4000, numa=0, driver="4xxx")  # QAT 4xxx
    pci(root, "0000:ca:00.0", vendor=0x15b3, device=0xa2d6, cls=0x020000, numa=1, driver="mlx5_core")  # BlueField-2


def malformed(root):
    """Every file a reader trusts, broken in the ways real trees break: truncated, garbage, inconsistent."""
    write(root, "proc/cpuinfo", "this is not\ncpuinfo at all\x00\x01\n")
    write(root, "proc/meminfo", "MemTotal:       lots kB\nMemFree: 12 kB\n")
    write(root, "sys/devices/system/cpu/online", "0-\n")
    write(root, "sys/devices/system/cpu/cpu0/topology/physical_package_id", "zero\n")
    write(root, "sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages", "abc\n")
    write(root, "sys/kernel/mm/hugepages/hugepages-2048kB/free_hugepages", "1\n")
    write(root, "sys/kernel/mm/hugepages/hugepages-1048576kB/nr_hugepages", "2\n")
    write(root, "sys/kernel/mm/hugepages/hugepages-1048576kB/free_hugepages", "5\n")  # more free than total
    write(root, "sys/kernel/mm/hugepages/hugepages-bogus/nr_hugepages", "1\n")
    write(root, "sys/devices/system/node/node0/cpulist", "x-y\n")
    write(root, "sys/devices/system/node/node0/meminfo", "garbage\n")
    write(root, "sys/class/net/eth0/mtu", "big\n")
    write(root, "sys/class/net/eth0/operstate", "sideways\n")
    write(root, "sys/class/net/eth0/speed", "99999999999999999999\n")
    write(root, "sys/class/net/eth0/device/uevent", "\n")
    write(root, "sys/class/net/eth0/device/numa_node", "-x\n")
    write(root, "sys/class/net/eth0/device/sriov_totalvfs", "\n")
    write(root, "sys/bus/pci/devices/0000:00:01.0/vendor", "0xZZZZ\n")
    write(root, "sys/bus/pci/devices/0000:00:01.0/device", "0x1234\n")
    write(root, "sys/bus/pci/devices/0000:00:01.0/class", "0x030000\n")
    write(root, "sys/bus/pci/devices/0000:00:02.0/vendor", "0x10de\n")
    write(root, "sys/bus/pci/devices/0000:00:02.0/class", "0x0302000000000000\n")
    # No device id file at all for 0000:00:02.0.


TREES = {
    "arm-embedded": arm_embedded,
    "allinone-edge": allinone_edge,
    "core-server": core_server,
    "malformed": malformed,
}

if __name__ == "__main__":
    for name, build in TREES.items():
        root = os.path.join(HERE, name)
        shutil.rmtree(root, ignore_errors=True)
        build(root)
        print(f"wrote {name}")
