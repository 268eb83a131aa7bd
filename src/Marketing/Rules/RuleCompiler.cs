using System.Text.RegularExpressions;
using Cel;

namespace Commerce.Marketing.Rules;

/// <summary>
/// Checks and compiles targeting rules: CEL (the <c>Cel</c> package parses and evaluates), checked here before it is
/// accepted (<see cref="RuleChecker"/>), so a saved rule reads only the player context, has a bool result and runs in
/// time linear in its length and the context's (bounded) lists. Thread-safe; compiled rules are reusable.
/// </summary>
public sealed partial class RuleCompiler
{
    /// <summary>The longest rule accepted, in characters.</summary>
    public const int MaxLength = 2000;

    /// <summary>The deepest nesting of parentheses and brackets accepted (the parser recurses per level).</summary>
    public const int MaxNesting = 24;

    private readonly CelEnvironment _environment = new(null, null);
    private readonly Lock _lock = new();

    public RuleCheck Check(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Fail(0, "a rule is required (for every player: true)");
        if (text.Length > MaxLength)
            return Fail(MaxLength, $"a rule is at most {MaxLength} characters");
        if (NestingError(text) is { } nesting)
            return new RuleCheck(null, [nesting]);
        Cel.Internal.CelParser.StartContext tree;
        try
        {
            lock (_lock)
                tree = _environment.Parse(text);
        }
        catch (CelExpressionParserException ex)
        {
            return new RuleCheck(null, [ParserError(text, ex.Message)]);
        }
        var checker = new RuleChecker();
        checker.CheckRule(tree);
        if (checker.Errors.Count > 0)
            return new RuleCheck(null, checker.Errors);
        CelProgramDelegate program;
        lock (_lock)
            program = _environment.Compile(tree);
        return new RuleCheck(new CompiledRule(text, program, checker.Reads), []);
    }

    private static RuleCheck Fail(int position, string message) => new(null, [new RuleError(position, 1, position + 1, message)]);

    private static RuleError? NestingError(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' or '[' or '{' => 1, ')' or ']' or '}' => -1, _ => 0 };
            if (depth > MaxNesting)
                return At(text, i, $"nested deeper than {MaxNesting} levels");
        }
        return null;
    }

    /// <summary>The parser says "Line L:C message" (C counted from 0); the error keeps the message and points at L:C.</summary>
    private static RuleError ParserError(string text, string message)
    {
        var match = ParserPosition().Match(message);
        if (!match.Success)
            return new RuleError(0, 1, 1, message);
        var line = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var column = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        var position = 0;
        for (var l = 1; l < line && position < text.Length; position++)
        {
            if (text[position] == '\n')
                l++;
        }
        return new RuleError(Math.Min(position + column, text.Length), line, column + 1, match.Groups[3].Value.Trim());
    }

    private static RuleError At(string text, int position, string message)
    {
        var line = 1 + text.AsSpan(0, position).Count('\n');
        var column = position - (text.LastIndexOf('\n', Math.Max(position - 1, 0)) + 1) + 1;
        return new RuleError(position, line, column, message);
    }

    [GeneratedRegex(@"^Line (\d+):(\d+)\s*(.*)$", RegexOptions.Singleline)]
    private static partial Regex ParserPosition();
}
