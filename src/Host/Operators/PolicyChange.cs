namespace Commerce.Host.Operators;

/// <summary>One change of the active pricing policy (the audit): a version published or rolled back to, by whom, when, why.</summary>
public sealed record PolicyChange(long Seq, string Version, PolicyChangeKind Kind, DateTimeOffset At, string By, string Why);
