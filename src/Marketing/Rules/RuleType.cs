namespace Commerce.Marketing.Rules;

/// <summary>The types a targeting rule's expressions can have (a subset of CEL's: what the player context offers).</summary>
public enum RuleType
{
    Bool,
    Int,
    Double,
    String,
    StringList,
    /// <summary>A list literal whose elements are numbers (for <c>x in [1, 2]</c>).</summary>
    NumberList,
    /// <summary>A map from a string to a count (chat intents per intent).</summary>
    CountMap,
    Null,
}
