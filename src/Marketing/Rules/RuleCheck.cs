namespace Commerce.Marketing.Rules;

/// <summary>The outcome of checking a rule: the compiled rule, or the errors (never both).</summary>
public sealed record RuleCheck(CompiledRule? Rule, IReadOnlyList<RuleError> Errors)
{
    public bool IsValid => Rule is not null;
}
