namespace Commerce.Host.Operators;

/// <summary>Why a publish or rollback was refused.</summary>
public enum PolicyRefusal
{
    None,

    /// <summary>The version does not exist (rollback).</summary>
    NotFound,

    /// <summary>The version exists already (publish) or is already active (rollback).</summary>
    Conflict,
}
