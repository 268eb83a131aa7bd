using Commerce.Actors.PlayerSession;
using Commerce.Marketing.Rules;

namespace Commerce.Marketing.Tests;

/// <summary>The targeting rules: CEL through the Cel package, checked here before it is accepted.</summary>
public sealed class RuleLanguageTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly RuleCompiler Compiler = new();

    /// <summary>A gold player, LTV 1250.5, interested in dragons:1 (2x, 40 s) and swords:7 (1x, 5 s), two intents, 3 orders (2 completed), seen 2 days ago, first seen 30 days ago.</summary>
    public static PlayerContext Player { get; } = PlayerContext.Of(new PlayerSessionState(
        "0xaaaa000000000000000000000000000000000001", null, "gold", 1250.5m,
        [new ItemInterest("dragons:1", 2, 40, Now.AddDays(-30), Now.AddDays(-2)), new ItemInterest("swords:7", 1, 5, Now.AddDays(-10), Now.AddDays(-10))],
        3,
        [new ChatIntent("dragons:1", "ask_price", 0.5, Now.AddDays(-3)), new ChatIntent("dragons:1", "ask_price", 0.2, Now.AddDays(-4)), new ChatIntent(null, "hesitate", -0.1, Now.AddDays(-5))],
        [],
        [new OrderSummary("o1", "dragons:1", "completed", Now.AddDays(-20)), new OrderSummary("o2", "swords:7", "completed", Now.AddDays(-9)),
         new OrderSummary("o3", "swords:8", "cancelled", Now.AddDays(-8))],
        0, Now.AddDays(-2)), Now);

    [Theory]
    // equality, relations (ints, doubles, mixed, strings)
    [InlineData("tier == 'gold'", true)]
    [InlineData("tier != 'gold'", false)]
    [InlineData("lifetimeValue > 1000.0", true)]
    [InlineData("lifetimeValue >= 1250.5", true)]
    [InlineData("lifetimeValue < 1000", false)]
    [InlineData("orders <= 3", true)]
    [InlineData("completedOrders == 2", true)]
    [InlineData("tier < 'silver'", true)]
    // membership: a list of the context, a map's keys, a literal list
    [InlineData("'dragons:1' in interests", true)]
    [InlineData("'shields' in interestCollections", false)]
    [InlineData("'ask_price' in intentCounts", true)]
    [InlineData("tier in ['gold', 'platinum']", true)]
    [InlineData("orders in [1, 2]", false)]
    // logic, negation, conditional
    [InlineData("tier == 'gold' && orders > 5", false)]
    [InlineData("tier == 'gold' || orders > 5", true)]
    [InlineData("!(tier == 'gold')", false)]
    [InlineData("-lifetimeValue < 0.0", true)]
    [InlineData("(orders > 2 ? interestCount : 0) == 3", true)]
    // arithmetic
    [InlineData("orders + completedOrders == 5", true)]
    [InlineData("orders - completedOrders == 1", true)]
    [InlineData("orders * 2 == 6", true)]
    [InlineData("orders / 2 == 1", true)]
    [InlineData("orders % 2 == 1", true)]
    [InlineData("dwellSeconds / 3.0 == 15.0", true)]
    [InlineData("tier + '!' == 'gold!'", true)]
    // functions and macros
    [InlineData("size(interests) == 2 && interests.size() == 2", true)]
    [InlineData("tier.startsWith('go') && tier.endsWith('ld') && tier.contains('ol')", true)]
    [InlineData("interests.exists(i, i.startsWith('swords:'))", true)]
    [InlineData("interests.all(i, i.contains(':'))", true)]
    [InlineData("interests.exists_one(i, i.startsWith('dragons:'))", true)]
    [InlineData("intentCounts['ask_price'] == 2", true)]
    [InlineData("interests[0] == 'dragons:1'", true)]
    [InlineData("int(dwellSeconds) == 45 && double(orders) == 3.0", true)]
    // the time variables
    [InlineData("inactiveDays >= 2.0 && inactiveDays < 2.1", true)]
    [InlineData("walletAgeDays > 29.9 && walletAgeDays < 30.1", true)]
    public void A_valid_rule_is_accepted_and_evaluates_over_the_player_context(string rule, bool expected)
    {
        var check = Compiler.Check(rule);

        Assert.True(check.IsValid, $"{rule}: {string.Join("; ", check.Errors)}");
        Assert.Equal(expected ? RuleOutcome.Matched : RuleOutcome.NotMatched, check.Rule!.Evaluate(Player));
    }

    [Theory]
    [InlineData("tier == ", 1, 9, "mismatched input")]
    [InlineData("tier == 'gold' && levle > 3", 1, 19, "unknown variable 'levle'")]
    [InlineData("tier > 3", 1, 6, "'>' cannot compare string with int")]
    [InlineData("orders + 1.5 > 2.0", 1, 8, "two ints or two doubles")]
    [InlineData("orders && true", 1, 1, "&& takes bool operands, not int")]
    [InlineData("!orders", 1, 1, "'!' takes a bool")]
    [InlineData("-tier == 'x'", 1, 1, "'-' takes a number")]
    [InlineData("orders", 1, 1, "a rule must be a condition (bool)")]
    [InlineData("tier.matches('^g.*')", 1, 6, "matches is not allowed")]
    [InlineData("tier.size(1) > 0", 1, 6, "size() is called")]
    [InlineData("interests.exists(tier, true)", 1, 18, "already a variable")]
    [InlineData("interests.exists(i, i)", 1, 21, "the condition of exists must be bool")]
    [InlineData("tier.level == 1", 1, 6, "no fields to select")]
    [InlineData("launch(1)", 1, 1, "unknown function 'launch'")]
    [InlineData("{'a': 1}['a'] == 1", 1, 1, "maps and messages cannot be built")]
    [InlineData("orders == 1 ? 'a' : 2", 1, 13, "both branches")]
    [InlineData("tier == 'gold' &&\n  orders > 'x'", 2, 10, "cannot compare int with string")]
    public void An_invalid_rule_is_refused_with_the_position_of_its_fault(string rule, int line, int column, string message)
    {
        var check = Compiler.Check(rule);

        Assert.False(check.IsValid);
        var error = check.Errors[0];
        Assert.Contains(message, error.Message);
        Assert.Equal((line, column), (error.Line, error.Column));
        var lineStart = rule.Split('\n').Take(line - 1).Sum(l => l.Length + 1);
        Assert.Equal(lineStart + column - 1, error.Position);
    }

    [Fact]
    public void A_rule_that_is_too_long_or_nested_too_deep_is_refused_before_it_is_parsed()
    {
        var tooLong = Compiler.Check("tier == '" + new string('x', RuleCompiler.MaxLength) + "'");
        var tooDeep = Compiler.Check(new string('(', 30) + "true" + new string(')', 30));

        Assert.Contains("at most", tooLong.Errors.Single().Message);
        Assert.Equal(RuleCompiler.MaxNesting, tooDeep.Errors.Single().Position);
        Assert.Contains("nested deeper", tooDeep.Errors.Single().Message);
    }

    [Fact]
    public void A_rule_that_fails_at_run_time_for_a_player_does_not_match_it()
    {
        var rule = Compiler.Check("orders / (completedOrders - 2) > 0").Rule!;

        Assert.Equal(RuleOutcome.Failed, rule.Evaluate(Player));
        Assert.False(rule.Matches(Player));
    }

    [Fact]
    public void An_empty_rule_is_refused_and_true_targets_everyone()
    {
        Assert.Contains("required", Compiler.Check("  ").Errors.Single().Message);
        Assert.True(Compiler.Check("true").Rule!.Matches(Player));
    }

    [Fact]
    public void The_player_context_is_read_from_the_session_state()
    {
        Assert.Equal("gold", Player["tier"]);
        Assert.Equal(45.0, Player["dwellSeconds"]);
        Assert.Equal(new object?[] { "dragons", "swords" }, ((List<object?>)Player["interestCollections"]!).ToArray());
        Assert.Equal(2L, ((Dictionary<string, object?>)Player["intentCounts"]!)["ask_price"]);
        Assert.Equal("0xaaaa000000000000000000000000000000000001", Player.Wallet);
    }
}
