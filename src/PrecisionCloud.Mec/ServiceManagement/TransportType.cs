using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.ServiceManagement;

/// <summary>The type of a transport (ETSI GS MEC 011 clause 8.1.6.4).</summary>
public enum TransportType
{
    /// <summary>RESTful API over HTTP.</summary>
    [JsonStringEnumMemberName("REST_HTTP")]
    RestHttp,

    /// <summary>Topic-based message bus.</summary>
    [JsonStringEnumMemberName("MB_TOPIC_BASED")]
    MessageBusTopicBased,

    /// <summary>Routing-based message bus.</summary>
    [JsonStringEnumMemberName("MB_ROUTING")]
    MessageBusRouting,

    /// <summary>Publish/subscribe message bus.</summary>
    [JsonStringEnumMemberName("MB_PUBSUB")]
    MessageBusPublishSubscribe,

    /// <summary>Remote procedure call.</summary>
    [JsonStringEnumMemberName("RPC")]
    Rpc,

    /// <summary>Remote procedure call with streams.</summary>
    [JsonStringEnumMemberName("RPC_STREAMING")]
    RpcStreaming,

    /// <summary>WebSocket.</summary>
    [JsonStringEnumMemberName("WEBSOCKET")]
    WebSocket,
}
