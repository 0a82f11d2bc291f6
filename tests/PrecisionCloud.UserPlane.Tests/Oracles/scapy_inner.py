#!/usr/bin/python3
"""Builds inner IP packets with scapy and prints, per packet, the 5-tuple a classifier must see, then the bytes:
name|source|destination|protocol|source port|destination port|non-first fragment (0/1)|hex
"""
from scapy.layers.inet import IP, UDP, TCP, ICMP, fragment
from scapy.layers.inet6 import IPv6, IPv6ExtHdrHopByHop, IPv6ExtHdrRouting, IPv6ExtHdrDestOpt, IPv6ExtHdrFragment, ICMPv6EchoRequest
from scapy.layers.sctp import SCTP
from scapy.packet import Raw

big = Raw(b"x" * 3000)
frags = fragment(IP(src="10.45.0.9", dst="192.0.2.1") / UDP(sport=5000, dport=53) / big, fragsize=1000)

cases = [
    ("v4-udp", IP(src="10.45.0.2", dst="8.8.8.8") / UDP(sport=40000, dport=53) / Raw(b"q"), "10.45.0.2", "8.8.8.8", 17, 40000, 53, 0),
    ("v4-tcp-options", IP(src="10.45.0.3", dst="203.0.113.5", options=b"\x01\x01\x01\x00") / TCP(sport=1234, dport=443), "10.45.0.3", "203.0.113.5", 6, 1234, 443, 0),
    ("v4-icmp", IP(src="10.45.0.4", dst="1.1.1.1") / ICMP(), "10.45.0.4", "1.1.1.1", 1, 0, 0, 0),
    ("v4-sctp", IP(src="10.45.0.5", dst="198.51.100.7") / SCTP(sport=36412, dport=38412), "10.45.0.5", "198.51.100.7", 132, 36412, 38412, 0),
    ("v4-gre", IP(src="10.45.0.6", dst="198.51.100.8", proto=47) / Raw(b"\x00\x00\x08\x00"), "10.45.0.6", "198.51.100.8", 47, 0, 0, 0),
    ("v4-first-fragment", frags[0], "10.45.0.9", "192.0.2.1", 17, 5000, 53, 0),
    ("v4-later-fragment", frags[1], "10.45.0.9", "192.0.2.1", 17, 0, 0, 1),
    ("v6-udp", IPv6(src="2001:db8::2", dst="2001:4860:4860::8888") / UDP(sport=40001, dport=53), "2001:db8::2", "2001:4860:4860::8888", 17, 40001, 53, 0),
    ("v6-ext-chain", IPv6(src="2001:db8::3", dst="2001:db8:1::1") / IPv6ExtHdrHopByHop() / IPv6ExtHdrRouting() / IPv6ExtHdrDestOpt() / TCP(sport=2000, dport=80),
     "2001:db8::3", "2001:db8:1::1", 6, 2000, 80, 0),
    ("v6-first-fragment", IPv6(src="2001:db8::4", dst="2001:db8:1::2") / IPv6ExtHdrFragment(offset=0, m=1, id=5) / UDP(sport=7000, dport=7001),
     "2001:db8::4", "2001:db8:1::2", 17, 7000, 7001, 0),
    ("v6-later-fragment", IPv6(src="2001:db8::4", dst="2001:db8:1::2") / IPv6ExtHdrFragment(offset=100, m=0, id=5, nh=17) / Raw(b"y" * 16),
     "2001:db8::4", "2001:db8:1::2", 17, 0, 0, 1),
    ("v6-icmpv6", IPv6(src="2001:db8::5", dst="2001:db8::1") / ICMPv6EchoRequest(), "2001:db8::5", "2001:db8::1", 58, 0, 0, 0),
]

for name, packet, src, dst, proto, sport, dport, frag in cases:
    print("|".join([name, src, dst, str(proto), str(sport), str(dport), str(frag), bytes(packet).hex()]))
