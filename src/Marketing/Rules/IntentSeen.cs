namespace Commerce.Marketing.Rules;

/// <summary>A chat intent detected for the player, and when (a record seen twice is recognised by both).</summary>
public readonly record struct IntentSeen(string Intent, DateTimeOffset At);
