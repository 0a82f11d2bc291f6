#!/usr/bin/python3
"""Builds PFCP node messages with scapy (an implementation independent of PrecisionCloud) and prints one line per
message: name|sequence|expected values|message bytes in hex. The C# test parses the bytes and compares.

Expected values: node id (address or name), recovery time stamp, cause or -, features or -.
"""
from scapy.contrib.pfcp import (PFCP, PFCPHeartbeatRequest, PFCPHeartbeatResponse, PFCPAssociationSetupRequest,
                                PFCPAssociationSetupResponse, IE_RecoveryTimeStamp, IE_NodeId, IE_Cause,
                                IE_UPFunctionFeatures, IE_CPFunctionFeatures, IE_EnterpriseSpecific)

cases = [
    ("heartbeat-request", PFCP(version=1, S=0, seq=7) / PFCPHeartbeatRequest(IE_list=[IE_RecoveryTimeStamp(timestamp=3900000000)]),
     7, "-", 3900000000, "-", "-"),
    ("heartbeat-response", PFCP(version=1, S=0, seq=0xABCDEF) / PFCPHeartbeatResponse(IE_list=[IE_RecoveryTimeStamp(timestamp=1)]),
     0xABCDEF, "-", 1, "-", "-"),
    # An SMF naming itself by FQDN, with a vendor IE first and the IEs out of the usual order.
    ("association-setup-request-fqdn", PFCP(version=1, S=0, seq=1) / PFCPAssociationSetupRequest(IE_list=[
        IE_EnterpriseSpecific(ietype=32770, enterprise_id=18681, data=b"vendor"),
        IE_RecoveryTimeStamp(timestamp=3913056000),
        IE_CPFunctionFeatures(LOAD=1, OVRL=1),
        IE_NodeId(id_type=2, id="smf1.core.example.org")]),
     1, "smf1.core.example.org", 3913056000, "-", "3"),
    ("association-setup-request-ipv6", PFCP(version=1, S=0, seq=2) / PFCPAssociationSetupRequest(IE_list=[
        IE_NodeId(id_type=1, ipv6="2001:db8::8805"), IE_RecoveryTimeStamp(timestamp=3913056001)]),
     2, "2001:db8::8805", 3913056001, "-", "-"),
    ("association-setup-response-upf", PFCP(version=1, S=0, seq=3) / PFCPAssociationSetupResponse(IE_list=[
        IE_NodeId(id_type=0, ipv4="10.100.0.2"), IE_Cause(cause=1), IE_RecoveryTimeStamp(timestamp=3913056002),
        IE_UPFunctionFeatures(FTUP=1, EMPU=1, BUCP=1, TREU=0, HEEU=0, PFDM=0, TRST=0, DLBD=0, DDND=0,
                              PFDE=0, FRRT=0, TRACE=0, QUOAC=0, UDBC=0, PDIU=0, spare=0)]),
     3, "10.100.0.2", 3913056002, "1", str((1 << 4) | (1 << 8) | 1)),
]

for name, packet, seq, node, recovery, cause, features in cases:
    print("|".join([name, str(seq), node, str(recovery), cause, features, bytes(packet).hex()]))
