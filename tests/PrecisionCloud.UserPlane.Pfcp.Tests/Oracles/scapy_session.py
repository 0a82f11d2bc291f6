#!/usr/bin/python3
"""Builds a Session Establishment Request with scapy, shaped as SMFs send them (CHOOSE F-TEID with a CHOOSE ID,
Network Instance as DNS labels, an SDF filter, uplink and downlink PDRs, FARs, a QER and a URR), and prints its
bytes in hex. The C# test decodes it and checks every rule."""
from scapy.contrib.pfcp import (PFCP, PFCPSessionEstablishmentRequest, IE_NodeId, IE_FSEID, IE_CreatePDR, IE_PDR_Id,
                                IE_Precedence, IE_PDI, IE_SourceInterface, IE_FTEID, IE_NetworkInstance,
                                IE_UE_IP_Address, IE_SDF_Filter, IE_OuterHeaderRemoval, IE_FAR_Id, IE_QER_Id, IE_URR_Id,
                                IE_CreateFAR, IE_ApplyAction, IE_ForwardingParameters, IE_DestinationInterface,
                                IE_OuterHeaderCreation, IE_CreateQER, IE_GateStatus, IE_MBR, IE_QFI, IE_CreateURR,
                                IE_MeasurementMethod, IE_ReportingTriggers, IE_VolumeThreshold, IE_PDNType, IE_MeasurementPeriod)

uplink_pdr = IE_CreatePDR(IE_list=[
    IE_PDR_Id(id=1), IE_Precedence(precedence=255),
    IE_PDI(IE_list=[
        IE_SourceInterface(interface=0),
        IE_FTEID(V4=1, CH=1, CHID=1, choose_id=5),
        IE_NetworkInstance(instance="internet"),
        IE_UE_IP_Address(V4=1, SD=0, ipv4="10.45.0.7"),
        IE_SDF_Filter(FD=1, flow_description="permit out 17 from 10.99.0.0/16 to assigned 5000-5100"),
    ]),
    IE_OuterHeaderRemoval(header=0), IE_FAR_Id(id=1), IE_QER_Id(id=1), IE_URR_Id(id=1)])
downlink_pdr = IE_CreatePDR(IE_list=[
    IE_PDR_Id(id=2), IE_Precedence(precedence=255),
    IE_PDI(IE_list=[IE_SourceInterface(interface=1), IE_UE_IP_Address(V4=1, SD=1, ipv4="10.45.0.7")]),
    IE_FAR_Id(id=2), IE_QER_Id(id=1), IE_URR_Id(id=1)])
uplink_far = IE_CreateFAR(IE_list=[
    IE_FAR_Id(id=1), IE_ApplyAction(FORW=1),
    IE_ForwardingParameters(IE_list=[IE_DestinationInterface(interface=1), IE_NetworkInstance(instance="internet")])])
downlink_far = IE_CreateFAR(IE_list=[
    IE_FAR_Id(id=2), IE_ApplyAction(FORW=1),
    IE_ForwardingParameters(IE_list=[IE_DestinationInterface(interface=0),
                                     IE_OuterHeaderCreation(GTPUUDPIPV4=1, TEID=0x2000, ipv4="10.200.0.2")])])
qer = IE_CreateQER(IE_list=[IE_QER_Id(id=1), IE_GateStatus(ul=0, dl=1), IE_MBR(ul=100000, dl=200000), IE_QFI(QFI=9)])
urr = IE_CreateURR(IE_list=[IE_URR_Id(id=1), IE_MeasurementMethod(VOLUM=1, DURAT=1),
                            IE_ReportingTriggers(volume_threshold=1, periodic_reporting=1), IE_MeasurementPeriod(period=60),
                            IE_VolumeThreshold(TOVOL=1, DLVOL=1, total=1000000, downlink=600000)])

message = PFCP(version=1, S=1, seid=0, seq=42) / PFCPSessionEstablishmentRequest(IE_list=[
    IE_NodeId(id_type=0, ipv4="10.100.0.1"), IE_FSEID(v4=1, seid=0x1122334455667788, ipv4="10.100.0.1"),
    uplink_far, uplink_pdr, downlink_pdr, downlink_far, qer, urr, IE_PDNType(pdn_type=1)])
print(bytes(message).hex())
