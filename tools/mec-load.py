#!/usr/bin/env python3
"""Load run of the MEC platform's service discovery, as the all-in-one sample serves it.

Starts the all-in-one sample (Release build) on a fresh database in conformance mode, registers N services
across 100 application instances, then runs wrk (Debian's wrk) against GET /mec_service_mgmt/v1/services with
a ser_name filter chosen at random per request, and prints throughput and the latency distribution.

    dotnet build -c Release samples/AllInOne
    tools/mec-load.py [--services 10000] [--duration 20] [--connections 32] [--threads 1]
"""
import argparse
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--port", type=int, default=18080)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install wrk")
    dll = os.path.join(ROOT, "samples", "AllInOne", "bin", "Release", "net10.0", "AllInOne.dll")
    if not os.path.exists(dll):
        sys.exit(f"{dll} is missing: dotnet build -c Release samples/AllInOne")

    data = tempfile.mkdtemp(prefix="mec-load-")
    site = subprocess.Popen(
        ["dotnet", dll, f"--urls=http://127.0.0.1:{args.port}", f"--PrecisionCloud:Mec:DatabasePath={data}/mec.db",
         "--PrecisionCloud:Mec:Dns:Port=0", "--Logging:LogLevel:Default=Warning"],
        cwd=os.path.dirname(dll), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_healthy(args.port)
        started = time.monotonic()
        seed(args.port, args.services)
        seeded = time.monotonic() - started
        print(f"registered {args.services} services in {seeded:.1f} s ({args.services / seeded:.0f}/s, one connection, each committed before its 201)")
        check(args.port, args.services)
        script = os.path.join(data, "discover.lua")
        with open(script, "w") as lua:
            lua.write(f"""
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/mec_service_mgmt/v1/services?ser_name=svc-" .. math.random(0, {args.services - 1}))
end
""")
        result = subprocess.run(
            ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s", "--latency", "-s", script,
             f"http://127.0.0.1:{args.port}"], capture_output=True, text=True, check=True)
        print(result.stdout)
        rate = float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))
        p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", result.stdout)
        p99_ms = float(p99.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
        print(f"discovery: {rate:.0f} requests/s, p99 {p99_ms:.2f} ms, non-2xx {errors.group(1) if errors else 0} "
              f"({args.services} services, {args.connections} connections, wrk and the site on the same {os.cpu_count()} CPUs)")
    finally:
        site.terminate()
        site.wait(timeout=30)
        shutil.rmtree(data, ignore_errors=True)


def wait_healthy(port):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/mec_service_mgmt/v1/services?ser_name=none")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    sys.exit("the site did not answer within 60 s")


def seed(port, count):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for i in range(count):
        body = json.dumps({"serName": f"svc-{i}", "version": "1.0", "state": "ACTIVE", "transportId": "mec-rest-http",
                           "serializer": "JSON", "serCategory": {"href": "http://catalogue/c", "id": f"cat-{i % 20}", "name": "c", "version": "1"}})
        connection.request("POST", f"/mec_service_mgmt/v1/applications/app-{i % 100}/services", body, {"Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        if response.status != 201:
            sys.exit(f"registering svc-{i} answered {response.status}")


def check(port, count):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", f"/mec_service_mgmt/v1/services?ser_name=svc-{count // 2}")
    services = json.loads(connection.getresponse().read())
    if len(services) != 1 or services[0]["serName"] != f"svc-{count // 2}":
        sys.exit(f"discovery answered {services}")


if __name__ == "__main__":
    main()
