#!/usr/bin/python3
"""A minimal SMF written with scapy (independent of PrecisionCloud) that drives a PFCP node over UDP:
association setup, session establishment with a CHOOSE F-TEID (sent twice with one sequence number, as a
retransmission), a heartbeat, a modification that moves the downlink to another gNB (asking for End Markers) and
queries the URR, a modification naming a PDR the session does not have, and the session's deletion. Prints one line per answer: step|field=value;..."""
import socket
import sys

from scapy.contrib.pfcp import (PFCP, PFCPAssociationSetupRequest, PFCPHeartbeatRequest, PFCPSessionEstablishmentRequest,
                                PFCPSessionDeletionRequest, IE_NodeId, IE_RecoveryTimeStamp, IE_FSEID, IE_CreatePDR,
                                IE_PDR_Id, IE_Precedence, IE_PDI, IE_SourceInterface, IE_FTEID, IE_NetworkInstance,
                                IE_UE_IP_Address, IE_OuterHeaderRemoval, IE_FAR_Id, IE_CreateFAR, IE_ApplyAction,
                                IE_ForwardingParameters, IE_DestinationInterface, IE_URR_Id, IE_CreateURR,
                                IE_MeasurementMethod, IE_ReportingTriggers, PFCPSessionModificationRequest, IE_UpdateFAR,
                                IE_UpdateForwardingParameters, IE_OuterHeaderCreation, IE_PFCPSMReqFlags, IE_QueryURR,
                                IE_UpdatePDR)

port = int(sys.argv[1])
peer = ("127.0.0.1", port)
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.settimeout(5)


def exchange(message):
    sock.sendto(bytes(message), peer)
    data, _ = sock.recvfrom(65535)
    return data


def ies(packet):
    return packet.payload.IE_list if hasattr(packet.payload, "IE_list") else []


def find(packet, ie_type):
    return [ie for ie in ies(packet) if ie.ietype == ie_type]


node = IE_NodeId(id_type=0, ipv4="127.0.0.1")
answer = PFCP(exchange(PFCP(version=1, S=0, seq=1) / PFCPAssociationSetupRequest(IE_list=[node, IE_RecoveryTimeStamp(timestamp=3913056000)])))
features = find(answer, 43)[0]
print(f"association|type={answer.message_type};seq={answer.seq};cause={find(answer, 19)[0].cause};ftup={features.FTUP}")

request = PFCP(version=1, S=1, seid=0, seq=2) / PFCPSessionEstablishmentRequest(IE_list=[
    node, IE_FSEID(v4=1, seid=0xABCDEF, ipv4="127.0.0.1"),
    IE_CreatePDR(IE_list=[IE_PDR_Id(id=1), IE_Precedence(precedence=100),
                          IE_PDI(IE_list=[IE_SourceInterface(interface=0), IE_FTEID(V4=1, CH=1),
                                          IE_NetworkInstance(instance="internet"), IE_UE_IP_Address(V4=1, ipv4="10.45.0.9")]),
                          IE_OuterHeaderRemoval(header=0), IE_FAR_Id(id=1), IE_URR_Id(id=1)]),
    IE_CreateFAR(IE_list=[IE_FAR_Id(id=1), IE_ApplyAction(FORW=1),
                          IE_ForwardingParameters(IE_list=[IE_DestinationInterface(interface=1), IE_NetworkInstance(instance="internet")])]),
    IE_CreatePDR(IE_list=[IE_PDR_Id(id=2), IE_Precedence(precedence=100),
                          IE_PDI(IE_list=[IE_SourceInterface(interface=1), IE_NetworkInstance(instance="internet"),
                                          IE_UE_IP_Address(V4=1, SD=1, ipv4="10.45.0.9")]),
                          IE_FAR_Id(id=2), IE_URR_Id(id=1)]),
    IE_CreateFAR(IE_list=[IE_FAR_Id(id=2), IE_ApplyAction(FORW=1),
                          IE_ForwardingParameters(IE_list=[IE_DestinationInterface(interface=0),
                                                           IE_OuterHeaderCreation(GTPUUDPIPV4=1, TEID=0x1234, ipv4="127.0.0.1")])]),
    IE_CreateURR(IE_list=[IE_URR_Id(id=1), IE_MeasurementMethod(VOLUM=1), IE_ReportingTriggers()]),
])
first = exchange(request)
again = exchange(request)
answer = PFCP(first)
created = [ie for ie in find(answer, 8)]
teid = [child for child in created[0].IE_list if child.ietype == 21][0].TEID
up_seid = find(answer, 57)[0].seid
print(f"establishment|type={answer.message_type};seid={answer.seid};cause={find(answer, 19)[0].cause};teid={teid};duplicate_same={int(first == again)}")

answer = PFCP(exchange(PFCP(version=1, S=0, seq=3) / PFCPHeartbeatRequest(IE_list=[IE_RecoveryTimeStamp(timestamp=3913056000)])))
print(f"heartbeat|type={answer.message_type};seq={answer.seq}")

answer = PFCP(exchange(PFCP(version=1, S=1, seid=up_seid, seq=4) / PFCPSessionModificationRequest(IE_list=[
    IE_UpdateFAR(IE_list=[IE_FAR_Id(id=2), IE_UpdateForwardingParameters(IE_list=[
        IE_OuterHeaderCreation(GTPUUDPIPV4=1, TEID=0x5678, ipv4="127.0.0.2"), IE_PFCPSMReqFlags(SNDEM=1)])]),
    IE_QueryURR(IE_list=[IE_URR_Id(id=1)]),
])))
reports = find(answer, 78)
urr = [child for child in reports[0].IE_list if child.ietype == 81][0].id
print(f"modification|type={answer.message_type};seid={answer.seid};cause={find(answer, 19)[0].cause};urr={urr}")

answer = PFCP(exchange(PFCP(version=1, S=1, seid=up_seid, seq=5) / PFCPSessionModificationRequest(IE_list=[
    IE_UpdatePDR(IE_list=[IE_PDR_Id(id=9), IE_Precedence(precedence=10)]),
])))
failed = find(answer, 114)[0]
print(f"refused|cause={find(answer, 19)[0].cause};failed_type={failed.type};failed_id={failed.pdr_id}")

answer = PFCP(exchange(PFCP(version=1, S=1, seid=up_seid, seq=6) / PFCPSessionDeletionRequest()))
reports = find(answer, 79)
urr = [child for child in reports[0].IE_list if child.ietype == 81][0].id
print(f"deletion|type={answer.message_type};seid={answer.seid};cause={find(answer, 19)[0].cause};urr={urr}")
