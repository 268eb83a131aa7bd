namespace Commerce.Marketing.Rules;

/// <summary>A set of the context's variables (<see cref="RuleVariables"/>), one bit each: which ones a context must carry.</summary>
public readonly record struct VariableSet(int Bits)
{
    /// <summary>Every variable (a context shared by several rules).</summary>
    public static VariableSet All { get; } = new((1 << RuleVariables.All.Count) - 1);

    public static VariableSet Of(IEnumerable<string> names)
    {
        var bits = 0;
        foreach (var name in names)
            bits |= 1 << RuleVariables.IndexOf(name);
        return new VariableSet(bits);
    }

    public bool Contains(int index) => (Bits & (1 << index)) != 0;

    public VariableSet Union(VariableSet other) => new(Bits | other.Bits);
}
