namespace Commerce.Marketing.Rules;

public enum RuleOutcome
{
    NotMatched,
    Matched,
    /// <summary>The rule failed at run time for this player (division by zero, index out of range): not a match.</summary>
    Failed,
}
