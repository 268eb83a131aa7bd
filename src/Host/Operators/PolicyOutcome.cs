namespace Commerce.Host.Operators;

/// <summary>What a publish or a rollback did: Done, or why not (the field at fault and its message).</summary>
public sealed record PolicyOutcome(PolicyRefusal Refusal, string? Field = null, string? Message = null)
{
    public static PolicyOutcome Done { get; } = new(PolicyRefusal.None);
}
