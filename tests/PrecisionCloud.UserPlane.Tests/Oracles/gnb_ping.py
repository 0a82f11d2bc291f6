#!/usr/bin/python3
"""A gNB for end-to-end tests, built with scapy (independent of PrecisionCloud): sends G-PDUs carrying ICMP echo
requests from a UE to the UPF's N3 address and prints each GTP-U datagram that comes back, in hex.

usage: gnb_ping.py <upf address> <uplink teid> <ue address> <destination>[,<destination>...] [seconds to wait]
"""
import socket
import sys
import time

from scapy.contrib.gtp import GTP_U_Header, GTPPDUSessionContainer
from scapy.layers.inet import IP, ICMP
from scapy.packet import Raw

upf, teid, ue, destinations = sys.argv[1], int(sys.argv[2], 0), sys.argv[3], sys.argv[4].split(",")
wait = float(sys.argv[5]) if len(sys.argv) > 5 else 5.0

sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.bind(("0.0.0.0", 2152))
sock.settimeout(0.2)
for i, destination in enumerate(destinations):
    inner = IP(src=ue, dst=destination) / ICMP(type=8, id=0x77, seq=i + 1) / Raw(b"precisioncloud")
    gpdu = GTP_U_Header(teid=teid, gtp_type=255, E=1, next_ex=0x85) / GTPPDUSessionContainer(type=1, QFI=9) / inner
    sock.sendto(bytes(gpdu), (upf, 2152))

deadline = time.time() + wait
while time.time() < deadline:
    try:
        data, _ = sock.recvfrom(4096)
        print(data.hex(), flush=True)
    except socket.timeout:
        pass
