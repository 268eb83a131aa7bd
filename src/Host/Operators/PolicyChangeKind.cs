namespace Commerce.Host.Operators;

/// <summary>How a pricing policy version became the active one.</summary>
public enum PolicyChangeKind
{
    /// <summary>Published (a new version, or the configured file's version at a start).</summary>
    Published,

    /// <summary>An earlier stored version made active again.</summary>
    RolledBack,
}
