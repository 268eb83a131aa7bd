namespace Commerce.Execution.Policy;

/// <summary>
/// The executor's allow-list (bound from <c>Execution:Policy</c>): the requesters it knows, each with its own HMAC key,
/// and per command kind what that kind may ask (<see cref="KindRule"/>). Empty: every command is refused.
/// </summary>
public sealed class CommandPolicyOptions
{
    /// <summary>Requester name -> its key (base64, at least 32 bytes). Keys are never printed.</summary>
    public Dictionary<string, string> Requesters { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Command kind -> what it may ask.</summary>
    public Dictionary<string, KindRule> Kinds { get; set; } = new(StringComparer.Ordinal);
}
