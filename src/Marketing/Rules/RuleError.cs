namespace Commerce.Marketing.Rules;

/// <summary>What is wrong with a rule and where: <see cref="Position"/> is the 0-based character offset, line and column 1-based.</summary>
public sealed record RuleError(int Position, int Line, int Column, string Message)
{
    public override string ToString() => $"{Line}:{Column}: {Message}";
}
