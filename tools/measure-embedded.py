#!/usr/bin/env python3
"""Measures the embedded host: binary size, start-up time to the first healthy /healthz, and idle RSS.

The NativeAOT binary is measured beside the same project run on the JIT (framework-dependent, Release),
in the same run, so the ratio holds on a shared, noisy machine.

usage: tools/measure-embedded.py [--runs N]   (from the repository root; publishes into a temp folder)
"""
import argparse
import http.client
import os
import shutil
import socket
import statistics
import subprocess
import tempfile
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthy(port):
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=0.2)
        conn.request("GET", "/healthz")
        ok = conn.getresponse().status == 200
        conn.close()
        return ok
    except OSError:
        return False


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


def measure(command, cwd, runs):
    starts, rsses = [], []
    for _ in range(runs):
        port = free_port()
        begin = time.perf_counter()
        proc = subprocess.Popen(command + [f"--urls=http://127.0.0.1:{port}"], cwd=cwd,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while not healthy(port):
                if proc.poll() is not None:
                    raise SystemExit(f"{command} exited with {proc.returncode}")
                if time.perf_counter() - begin > 30:
                    raise SystemExit(f"{command} not healthy after 30 s")
                time.sleep(0.002)
            starts.append((time.perf_counter() - begin) * 1000)
            time.sleep(3)  # idle
            rsses.append(rss_kib(proc.pid))
        finally:
            proc.terminate()
            proc.wait()
    return statistics.median(starts), min(starts), statistics.median(rsses)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="precisioncloud-measure-")
    try:
        aot = os.path.join(work, "aot")
        jit = os.path.join(work, "jit")
        common = ["-c", "Release", "-nologo", "-v", "q", "--artifacts-path"]
        subprocess.run(["dotnet", "publish", "samples/Embedded/Embedded.csproj", "-r", "linux-x64", "-o", aot]
                       + common + [os.path.join(work, "a1")], check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["dotnet", "publish", "samples/Embedded/Embedded.csproj", "-p:PublishAot=false", "-o", jit]
                       + common + [os.path.join(work, "a2")], check=True, stdout=subprocess.DEVNULL)
        size = os.path.getsize(os.path.join(aot, "Embedded"))
        aot_start, aot_min, aot_rss = measure([os.path.join(aot, "Embedded")], aot, args.runs)
        jit_start, jit_min, jit_rss = measure(["dotnet", os.path.join(jit, "Embedded.dll")], jit, args.runs)
        print(f"binary size (NativeAOT, linux-x64): {size / 1024 / 1024:.1f} MiB ({size} bytes)")
        print(f"start-up to first healthy /healthz, median of {args.runs} (min): "
              f"NativeAOT {aot_start:.0f} ms ({aot_min:.0f}), JIT {jit_start:.0f} ms ({jit_min:.0f}), ratio JIT/AOT {jit_start / aot_start:.1f}x")
        print(f"idle RSS after 3 s, median: NativeAOT {aot_rss / 1024:.1f} MiB, JIT {jit_rss / 1024:.1f} MiB, ratio JIT/AOT {jit_rss / aot_rss:.1f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
