namespace Commerce.Actors.PlayerSession;

/// <summary>A push sent to the player, kept so a reconnecting client can resume from its cursor.</summary>
public sealed record PushRecord(long Seq, string Kind, string BodyJson, DateTimeOffset At);
