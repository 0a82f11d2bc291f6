#!/usr/bin/python3
"""An SMF and a gNB written with scapy (independent of PrecisionCloud) against a hosted user plane and its N4 agent:
association, a session with a CHOOSE F-TEID and a URR with a 100-byte volume threshold, uplink G-PDUs to the chosen
TEID until the agent sends a Session Report Request (answered), a path switch asking for End Markers (received on
the old gNB's socket), and deletion. Prints one line per step: step|field=value;..."""
import socket
import sys

from scapy.contrib.gtp import GTP_U_Header, GTPPDUSessionContainer
from scapy.contrib.pfcp import (PFCP, PFCPAssociationSetupRequest, PFCPSessionEstablishmentRequest, PFCPSessionModificationRequest,
                                PFCPSessionDeletionRequest, PFCPSessionReportResponse, IE_NodeId, IE_RecoveryTimeStamp, IE_FSEID,
                                IE_CreatePDR, IE_PDR_Id, IE_Precedence, IE_PDI, IE_SourceInterface, IE_FTEID, IE_NetworkInstance,
                                IE_UE_IP_Address, IE_OuterHeaderRemoval, IE_FAR_Id, IE_CreateFAR, IE_ApplyAction,
                                IE_ForwardingParameters, IE_DestinationInterface, IE_URR_Id, IE_CreateURR, IE_MeasurementMethod,
                                IE_ReportingTriggers, IE_VolumeThreshold, IE_UpdateFAR, IE_UpdateForwardingParameters,
                                IE_OuterHeaderCreation, IE_PFCPSMReqFlags, IE_Cause)
from scapy.layers.inet import IP, UDP

pfcp_port, n3_port, old_gnb = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
agent = ("127.0.0.1", pfcp_port)
smf = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
smf.bind(("127.0.0.1", 0))
smf.settimeout(10)
gnb = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
gnb.bind((old_gnb, 2152))
gnb.settimeout(10)


def ies(packet, ie_type):
    return [ie for ie in packet.payload.IE_list if ie.ietype == ie_type]


def exchange(message):
    smf.sendto(bytes(message), agent)
    while True:
        answer = PFCP(smf.recvfrom(65535)[0])
        if answer.message_type != 56:
            return answer


node = IE_NodeId(id_type=0, ipv4="127.0.0.1")
answer = exchange(PFCP(version=1, S=0, seq=1) / PFCPAssociationSetupRequest(IE_list=[node, IE_RecoveryTimeStamp(timestamp=3913056000)]))
print(f"association|cause={ies(answer, 19)[0].cause}")

answer = exchange(PFCP(version=1, S=1, seid=0, seq=2) / PFCPSessionEstablishmentRequest(IE_list=[
    node, IE_FSEID(v4=1, seid=0x5EED, ipv4="127.0.0.1"),
    IE_CreatePDR(IE_list=[IE_PDR_Id(id=1), IE_Precedence(precedence=100),
                          IE_PDI(IE_list=[IE_SourceInterface(interface=0), IE_FTEID(V4=1, CH=1),
                                          IE_NetworkInstance(instance="internet"), IE_UE_IP_Address(V4=1, ipv4="10.45.0.9")]),
                          IE_OuterHeaderRemoval(header=0), IE_FAR_Id(id=1), IE_URR_Id(id=1)]),
    IE_CreatePDR(IE_list=[IE_PDR_Id(id=2), IE_Precedence(precedence=100),
                          IE_PDI(IE_list=[IE_SourceInterface(interface=1), IE_NetworkInstance(instance="internet"),
                                          IE_UE_IP_Address(V4=1, SD=1, ipv4="10.45.0.9")]),
                          IE_FAR_Id(id=2)]),
    IE_CreateFAR(IE_list=[IE_FAR_Id(id=1), IE_ApplyAction(FORW=1),
                          IE_ForwardingParameters(IE_list=[IE_DestinationInterface(interface=1), IE_NetworkInstance(instance="internet")])]),
    IE_CreateFAR(IE_list=[IE_FAR_Id(id=2), IE_ApplyAction(FORW=1),
                          IE_ForwardingParameters(IE_list=[IE_DestinationInterface(interface=0),
                                                           IE_OuterHeaderCreation(GTPUUDPIPV4=1, TEID=0x1234, ipv4=old_gnb)])]),
    IE_CreateURR(IE_list=[IE_URR_Id(id=1), IE_MeasurementMethod(VOLUM=1), IE_ReportingTriggers(volume_threshold=1),
                          IE_VolumeThreshold(TOVOL=1, total=100)]),
]))
teid = [child for child in ies(answer, 8)[0].IE_list if child.ietype == 21][0].TEID
up_seid = ies(answer, 57)[0].seid
print(f"establishment|cause={ies(answer, 19)[0].cause}")

# Uplink traffic to the chosen TEID: 3 x 64-byte inner packets cross the 100-byte threshold.
inner = IP(src="10.45.0.9", dst="10.99.0.1") / UDP(sport=5000, dport=6000) / (b"\x00" * 36)
for _ in range(3):
    gnb.sendto(bytes(GTP_U_Header(teid=teid, E=1, next_ex=0x85) / GTPPDUSessionContainer(type=1, QFI=9) / inner), ("127.0.0.1", n3_port))

report = PFCP(smf.recvfrom(65535)[0])
usage = ies(report, 80)[0]
urr = [child for child in usage.IE_list if child.ietype == 81][0].id
trigger = [child for child in usage.IE_list if child.ietype == 63][0]
volume = [child for child in usage.IE_list if child.ietype == 66][0]
print(f"report|type={report.message_type};seid={report.seid};usar={ies(report, 39)[0].USAR};urr={urr};volth={trigger.VOLTH};"
      f"total={volume.total}")
smf.sendto(bytes(PFCP(version=1, S=1, seid=up_seid, seq=report.seq) / PFCPSessionReportResponse(IE_list=[IE_Cause(cause=1)])), agent)

answer = exchange(PFCP(version=1, S=1, seid=up_seid, seq=3) / PFCPSessionModificationRequest(IE_list=[
    IE_UpdateFAR(IE_list=[IE_FAR_Id(id=2), IE_UpdateForwardingParameters(IE_list=[
        IE_OuterHeaderCreation(GTPUUDPIPV4=1, TEID=0x5678, ipv4="127.0.0.3"), IE_PFCPSMReqFlags(SNDEM=1)])]),
]))
marker = GTP_U_Header(gnb.recvfrom(65535)[0])
print(f"modification|cause={ies(answer, 19)[0].cause};end_marker_type={marker.gtp_type};end_marker_teid={marker.teid}")

answer = exchange(PFCP(version=1, S=1, seid=up_seid, seq=4) / PFCPSessionDeletionRequest())
print(f"deletion|cause={ies(answer, 19)[0].cause}")
