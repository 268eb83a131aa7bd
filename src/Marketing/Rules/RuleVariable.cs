namespace Commerce.Marketing.Rules;

/// <summary>One variable a rule can read: its CEL name, its type and what it means (for the console's builder and docs).</summary>
public sealed record RuleVariable(string Name, RuleType Type, string Meaning);
