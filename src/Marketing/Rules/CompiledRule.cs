using Cel;

namespace Commerce.Marketing.Rules;

/// <summary>A checked rule, ready to run against players' contexts (thread-safe, side-effect free).</summary>
public sealed class CompiledRule(string text, CelProgramDelegate program, IReadOnlySet<string> reads)
{
    public string Text { get; } = text;

    /// <summary>
    /// The context variables the rule names: a context built for this rule alone needs only these
    /// (<see cref="PlayerContext.Of(PlayerFacts, DateTimeOffset, VariableSet)"/>).
    /// </summary>
    public VariableSet Reads { get; } = VariableSet.Of(reads);

    /// <summary>
    /// Whether the player matches. A rule that fails at run time for this player (a division by zero, an index out of
    /// range) does not match it: <see cref="RuleOutcome.Failed"/> says so.
    /// </summary>
    public RuleOutcome Evaluate(PlayerContext player)
    {
        try
        {
            return program.Invoke(player.Variables) is true ? RuleOutcome.Matched : RuleOutcome.NotMatched;
        }
        catch (CelException)
        {
            return RuleOutcome.Failed;
        }
    }

    public bool Matches(PlayerContext player) => Evaluate(player) == RuleOutcome.Matched;
}
