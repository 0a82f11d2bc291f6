#!/usr/bin/python3
"""An SMF written with scapy that waits for a user plane to start the association: it answers the Association
Setup Request it receives on the given port with Request accepted, then sends a heartbeat. Prints one line per
step: step|field=value;..."""
import socket
import sys

from scapy.contrib.pfcp import (PFCP, PFCPAssociationSetupResponse, PFCPHeartbeatRequest, IE_NodeId, IE_Cause,
                                IE_RecoveryTimeStamp)

port = int(sys.argv[1])
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.bind(("127.0.0.1", port))
sock.settimeout(10)
print("ready", flush=True)

data, upf = sock.recvfrom(65535)
request = PFCP(data)
ies = {ie.ietype: ie for ie in request.payload.IE_list}
features = ies[43]
print(f"request|type={request.message_type};node={ies[60].ipv4};ftup={features.FTUP};empu={features.EMPU}", flush=True)
sock.sendto(bytes(PFCP(version=1, S=0, seq=request.seq) / PFCPAssociationSetupResponse(IE_list=[
    IE_NodeId(id_type=0, ipv4="127.0.0.1"), IE_Cause(cause=1), IE_RecoveryTimeStamp(timestamp=3913056000)])), upf)

sock.sendto(bytes(PFCP(version=1, S=0, seq=77) / PFCPHeartbeatRequest(IE_list=[IE_RecoveryTimeStamp(timestamp=3913056000)])), upf)
answer = PFCP(sock.recvfrom(65535)[0])
print(f"heartbeat|type={answer.message_type};seq={answer.seq}", flush=True)
