using System.Text.Json.Serialization;
using Commerce.Events.Serialization;

namespace Commerce.Actors.PlayerSession;

/// <summary>A push sent to the player, kept so a reconnecting client can resume from its cursor.</summary>
public sealed record PushRecord(long Seq, string Kind, [property: JsonConverter(typeof(RawJsonConverter))] string BodyJson, DateTimeOffset At);
