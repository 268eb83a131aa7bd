using System.Text.Json.Serialization;
using Commerce.Events.Serialization;
using Orleans;

namespace Commerce.Events.Pushes;

/// <summary>
/// Something to show one player in real time. <see cref="Seq"/> is that player's push sequence,
/// increasing by one per push, so a client can resume after a reconnect. Key: player id.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.PlayerPushed")]
public sealed record PlayerPushed(
    [property: Id(0)] string PlayerId,
    [property: Id(1)] long Seq,
    [property: Id(2)] string Kind,
    [property: Id(3), JsonConverter(typeof(RawJsonConverter))] string BodyJson) : IEvent;
