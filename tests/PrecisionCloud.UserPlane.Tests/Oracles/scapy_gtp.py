#!/usr/bin/python3
"""Builds GTP-U messages with scapy (an implementation independent of PrecisionCloud) and prints one line per
message: the expected field values, then the message bytes in hex. The C# test parses the bytes with
GtpReader and compares.

Line: name|teid|msgtype|seq or -|qfi or -|pdu type or -|rqi|ppi or -|payload length|hex
"""
from scapy.contrib.gtp import GTP_U_Header, GTPPDUSessionContainer, GTPEchoRequest, GTPEchoResponse, IE_Recovery
from scapy.layers.inet import IP, UDP, ICMP
from scapy.packet import Raw

inner = bytes(IP(src="10.45.0.2", dst="8.8.8.8") / ICMP(type=8, id=7, seq=1) / Raw(b"ping" * 14))

cases = [
    ("gpdu-plain", GTP_U_Header(teid=0x01020304, gtp_type=255) / Raw(inner), 0x01020304, 255, None, None, None, False, None, len(inner)),
    ("gpdu-seq", GTP_U_Header(teid=0xDEADBEEF, gtp_type=255, S=1, seq=4242) / Raw(inner), 0xDEADBEEF, 255, 4242, None, None, False, None, len(inner)),
    ("gpdu-psc-ul", GTP_U_Header(teid=0x10, gtp_type=255, E=1, next_ex=0x85)
        / GTPPDUSessionContainer(type=1, QFI=9) / Raw(inner), 0x10, 255, None, 9, 1, False, None, len(inner)),
    ("gpdu-psc-dl-rqi", GTP_U_Header(teid=0x20, gtp_type=255, E=1, next_ex=0x85)
        / GTPPDUSessionContainer(type=0, QFI=63, RQI=1) / Raw(inner), 0x20, 255, None, 63, 0, True, None, len(inner)),
    ("gpdu-psc-dl-ppi", GTP_U_Header(teid=0x30, gtp_type=255, E=1, next_ex=0x85)
        / GTPPDUSessionContainer(type=0, QFI=5, PPP=1, PPI=6) / Raw(inner), 0x30, 255, None, 5, 0, False, 6, len(inner)),
    ("echo-request", GTP_U_Header(teid=0, gtp_type=1, S=1, seq=77) / GTPEchoRequest(), 0, 1, 77, None, None, False, None, 0),
    ("echo-response", GTP_U_Header(teid=0, gtp_type=2, S=1, seq=77) / GTPEchoResponse(IE_list=[IE_Recovery(restart_counter=0)]), 0, 2, 77, None, None, False, None, 2),
    ("end-marker", GTP_U_Header(teid=0x4444, gtp_type=254), 0x4444, 254, None, None, None, False, None, 0),
]

for name, packet, teid, msgtype, seq, qfi, pdu_type, rqi, ppi, payload in cases:
    data = bytes(packet)
    fields = [name, str(teid), str(msgtype), "-" if seq is None else str(seq), "-" if qfi is None else str(qfi),
              "-" if pdu_type is None else str(pdu_type), "1" if rqi else "0", "-" if ppi is None else str(ppi), str(payload), data.hex()]
    print("|".join(fields))
