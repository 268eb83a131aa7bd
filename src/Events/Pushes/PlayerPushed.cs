using System.Text.Json.Serialization;
using Commerce.Events.Serialization;

namespace Commerce.Events.Pushes;

/// <summary>
/// Something to show one player in real time. <see cref="Seq"/> is that player's push sequence,
/// increasing by one per push, so a client can resume after a reconnect. Key: player id.
/// </summary>
public sealed record PlayerPushed(string PlayerId, long Seq, string Kind, [property: JsonConverter(typeof(RawJsonConverter))] string BodyJson) : IEvent;
