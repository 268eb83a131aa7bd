namespace Commerce.Chain.Abi;

/// <summary>An event log decoded against its ABI: arguments in declaration order and by name.</summary>
public sealed record DecodedLog(AbiEvent Event, IReadOnlyList<object?> Arguments)
{
    public object? this[string name]
    {
        get
        {
            for (var i = 0; i < Event.Parameters.Count; i++)
            {
                if (Event.Parameters[i].Name == name)
                    return Arguments[i];
            }
            throw new KeyNotFoundException($"event {Event.Name} has no parameter \"{name}\"");
        }
    }
}
