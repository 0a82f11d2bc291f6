using PrecisionCloud.Mec.ServiceManagement;

namespace PrecisionCloud.Mec.ApplicationSupport;

/// <summary>A transport with the serializers an application can use over it (ETSI GS MEC 010-2 clause 6.2.1.17).</summary>
/// <param name="Transport">The transport.</param>
/// <param name="Serializers">The serializers the application supports over it.</param>
/// <param name="Labels">Labels that bind it to the service's transport.</param>
public sealed record TransportDependency(TransportDescriptor Transport, IReadOnlyList<SerializerType> Serializers, IReadOnlyList<string> Labels);
