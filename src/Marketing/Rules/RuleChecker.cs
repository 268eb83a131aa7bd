using Antlr4.Runtime;
using Cel.Internal;

namespace Commerce.Marketing.Rules;

/// <summary>
/// The static check of a targeting rule over the parse tree of the <c>Cel</c> package (which evaluates but does not
/// type-check): every identifier is a declared variable (or a macro's bound variable), every operator and function is
/// applied to types it accepts, the result is a bool. Errors carry the position of the token at fault. What the
/// language may not do here is refused: <c>matches</c> (.NET's regular expressions can backtrack, so its time is not
/// linear in the input), message and map construction, bytes, field selection.
/// </summary>
internal sealed class RuleChecker
{
    private readonly List<RuleError> _errors = [];
    private readonly Dictionary<string, RuleType> _bound = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reads = new(StringComparer.Ordinal);

    public IReadOnlyList<RuleError> Errors => _errors;

    /// <summary>The context variables the rule names (macros' bound variables excluded).</summary>
    public IReadOnlySet<string> Reads => _reads;

    public void CheckRule(CelParser.StartContext start)
    {
        var type = Expr(start.expr());
        if (type is { } t && t != RuleType.Bool)
            Error(start.Start, $"a rule must be a condition (bool), this one is {Name(t)}");
    }

    /// <summary>The type of a node, or null when an error was reported below it.</summary>
    private RuleType? Expr(CelParser.ExprContext e)
    {
        var cond = Or(e.e);
        if (e.op is null)
            return cond;
        var then = Or(e.e1);
        var otherwise = Expr(e.e2);
        if (cond is { } c && c != RuleType.Bool)
            return Error(e.e.Start, $"the condition before ? must be bool, not {Name(c)}");
        if (then is not { } a || otherwise is not { } b)
            return null;
        if (a == b || (IsNumber(a) && IsNumber(b)))
            return a == b ? a : RuleType.Double;
        return Error(e.op, $"both branches of ?: must have one type, not {Name(a)} and {Name(b)}");
    }

    private RuleType? Or(CelParser.ConditionalOrContext or) =>
        Logical(or.conditionalAnd().Select(And).ToList(), or.conditionalAnd().Select(a => a.Start).ToList(), "||");

    private RuleType? And(CelParser.ConditionalAndContext and) =>
        Logical(and.relation().Select(Relation).ToList(), and.relation().Select(r => r.Start).ToList(), "&&");

    private RuleType? Logical(List<RuleType?> operands, List<IToken> starts, string op)
    {
        if (operands.Count == 1)
            return operands[0];
        var ok = true;
        for (var i = 0; i < operands.Count; i++)
        {
            if (operands[i] is { } t && t != RuleType.Bool)
            {
                Error(starts[i], $"{op} takes bool operands, not {Name(t)}");
                ok = false;
            }
            ok &= operands[i] is not null;
        }
        return ok ? RuleType.Bool : null;
    }

    private RuleType? Relation(CelParser.RelationContext r)
    {
        if (r.op is null)
            return Calc(r.calc());
        var left = Relation(r.relation(0));
        var right = Relation(r.relation(1));
        if (left is not { } a || right is not { } b)
            return null;
        var op = r.op.Text;
        var fits = op switch
        {
            "==" or "!=" => a == b || (IsNumber(a) && IsNumber(b)) || a == RuleType.Null || b == RuleType.Null,
            "in" => (a == RuleType.String && b is RuleType.StringList or RuleType.CountMap) || (IsNumber(a) && b == RuleType.NumberList),
            _ => (IsNumber(a) && IsNumber(b)) || (a == RuleType.String && b == RuleType.String),
        };
        return fits ? RuleType.Bool : Error(r.op, $"'{op}' cannot compare {Name(a)} with {Name(b)}");
    }

    private RuleType? Calc(CelParser.CalcContext c)
    {
        if (c.op is null)
            return Unary(c.unary());
        var left = Calc(c.calc(0));
        var right = Calc(c.calc(1));
        if (left is not { } a || right is not { } b)
            return null;
        var op = c.op.Text;
        if (op == "+" && a == RuleType.String && b == RuleType.String)
            return RuleType.String;
        if (!IsNumber(a) || !IsNumber(b))
            return Error(c.op, $"'{op}' takes numbers, not {Name(a)} and {Name(b)}");
        if (a != b)
            return Error(c.op, $"'{op}' takes two ints or two doubles, not {Name(a)} and {Name(b)} (convert with double(...) or int(...))");
        if (op == "%" && a != RuleType.Int)
            return Error(c.op, "'%' takes ints");
        return a;
    }

    private RuleType? Unary(CelParser.UnaryContext u)
    {
        switch (u)
        {
            case CelParser.MemberExprContext m:
                return Member(m.member());
            case CelParser.LogicalNotContext not:
                var t = Member(not.member());
                return t is not { } bang ? null : bang == RuleType.Bool ? RuleType.Bool : Error(not.Start, $"'!' takes a bool, not {Name(bang)}");
            case CelParser.NegateContext neg:
                var n = Member(neg.member());
                return n is not { } minus ? null : IsNumber(minus) ? minus : Error(neg.Start, $"'-' takes a number, not {Name(minus)}");
            default:
                return Error(u.Start, "this is not an expression a rule can use");
        }
    }

    private RuleType? Member(CelParser.MemberContext m) => m switch
    {
        CelParser.PrimaryExprContext p => Primary(p.primary()),
        CelParser.SelectContext s => Member(s.member()) is null ? null : Error(s.id ?? s.Start, $"'{s.id?.Text}': the player context has no fields to select"),
        CelParser.MemberCallContext call => MemberCall(call),
        CelParser.IndexContext index => Index(index),
        _ => Error(m.Start, "this is not an expression a rule can use"),
    };

    private RuleType? Index(CelParser.IndexContext index)
    {
        var target = Member(index.member());
        var key = Expr(index.index);
        if (target is not { } t || key is not { } k)
            return null;
        if (t == RuleType.StringList && k == RuleType.Int)
            return RuleType.String;
        if (t == RuleType.CountMap && k == RuleType.String)
            return RuleType.Int;
        return Error(index.op, $"{Name(t)} cannot be indexed with {Name(k)}");
    }

    private RuleType? MemberCall(CelParser.MemberCallContext call)
    {
        var name = call.id.Text;
        var args = call.args?.expr() ?? [];
        if (name is "exists" or "all" or "exists_one")
            return Macro(call, name, args);
        var target = Member(call.member());
        var argTypes = args.Select(Expr).ToList();
        if (target is not { } t || argTypes.Any(a => a is null))
            return null;
        switch (name)
        {
            case "startsWith" or "endsWith" or "contains":
                return t == RuleType.String && argTypes is [RuleType.String]
                    ? RuleType.Bool
                    : Error(call.id, $"{name} is called on a string with one string argument");
            case "size":
                return argTypes.Count == 0 && t is RuleType.String or RuleType.StringList or RuleType.NumberList or RuleType.CountMap
                    ? RuleType.Int
                    : Error(call.id, "size() is called on a string, a list or a map, with no argument");
            case "matches":
                return Error(call.id, "matches is not allowed: a regular expression's time is not linear here (use startsWith, endsWith, contains)");
            default:
                return Error(call.id, $"unknown function '{name}'");
        }
    }

    /// <summary>exists, all, exists_one over a list: the first argument names the element, bound in the second.</summary>
    private RuleType? Macro(CelParser.MemberCallContext call, string name, CelParser.ExprContext[] args)
    {
        var target = Member(call.member());
        if (args.Length != 2 || BoundName(args[0]) is not { } variable)
            return Error(call.id, $"{name}(x, condition) takes a variable name and a condition");
        if (target is not { } t)
            return null;
        RuleType element;
        if (t == RuleType.StringList)
            element = RuleType.String;
        else if (t == RuleType.NumberList)
            element = RuleType.Double;
        else if (t == RuleType.CountMap)
            element = RuleType.String;
        else
            return Error(call.id, $"{name} is called on a list or a map, not {Name(t)}");
        if (RuleVariables.Find(variable) is not null || _bound.ContainsKey(variable))
            return Error(args[0].Start, $"'{variable}' is already a variable: choose another name");
        _bound[variable] = element;
        var condition = Expr(args[1]);
        _bound.Remove(variable);
        if (condition is not { } c)
            return null;
        return c == RuleType.Bool ? RuleType.Bool : Error(args[1].Start, $"the condition of {name} must be bool, not {Name(c)}");
    }

    private static string? BoundName(CelParser.ExprContext e) =>
        e.op is null && e.e.conditionalAnd().Length == 1 && e.e.conditionalAnd(0).relation().Length == 1
        && e.e.conditionalAnd(0).relation(0) is { op: null } r && r.calc() is { op: null } c
        && c.unary() is CelParser.MemberExprContext { } m && m.member() is CelParser.PrimaryExprContext p
        && p.primary() is CelParser.IdentOrGlobalCallContext { op: null, leadingDot: null } id
            ? id.id.Text
            : null;

    private RuleType? Primary(CelParser.PrimaryContext p)
    {
        switch (p)
        {
            case CelParser.IdentOrGlobalCallContext id when id.op is null:
                if (_bound.TryGetValue(id.id.Text, out var bound))
                    return bound;
                if (RuleVariables.Find(id.id.Text) is { } variable)
                {
                    _reads.Add(variable.Name);
                    return variable.Type;
                }
                return Error(id.id, $"unknown variable '{id.id.Text}' (known: {string.Join(", ", RuleVariables.All.Select(v => v.Name))})");
            case CelParser.IdentOrGlobalCallContext call:
                return GlobalCall(call);
            case CelParser.NestedContext nested:
                return Expr(nested.e);
            case CelParser.CreateListContext list:
                return List(list);
            case CelParser.ConstantLiteralContext constant:
                return Literal(constant.literal());
            default:
                return Error(p.Start, "maps and messages cannot be built in a rule");
        }
    }

    private RuleType? GlobalCall(CelParser.IdentOrGlobalCallContext call)
    {
        var name = call.id.Text;
        var args = (call.args?.expr() ?? []).Select(Expr).ToList();
        if (args.Any(a => a is null))
            return null;
        return (name, args) switch
        {
            ("size", [RuleType.String or RuleType.StringList or RuleType.NumberList or RuleType.CountMap]) => RuleType.Int,
            ("int", [RuleType.Int or RuleType.Double]) => RuleType.Int,
            ("double", [RuleType.Int or RuleType.Double]) => RuleType.Double,
            ("size" or "int" or "double", _) => Error(call.id, $"{name}() does not take ({string.Join(", ", args.Select(a => Name(a!.Value)))})"),
            ("matches", _) => Error(call.id, "matches is not allowed: a regular expression's time is not linear here (use startsWith, endsWith, contains)"),
            _ => Error(call.id, $"unknown function '{name}'"),
        };
    }

    private RuleType? List(CelParser.CreateListContext list)
    {
        var elements = list.elems?.optExpr().Select(o => Expr(o.e)).ToList() ?? [];
        if (elements.Any(e => e is null))
            return null;
        if (elements.All(e => e == RuleType.String))
            return RuleType.StringList;
        if (elements.All(e => e is RuleType.Int or RuleType.Double))
            return RuleType.NumberList;
        return Error(list.op, "a list in a rule holds only strings or only numbers");
    }

    private RuleType? Literal(CelParser.LiteralContext literal) => literal switch
    {
        CelParser.IntContext or CelParser.UintContext => RuleType.Int,
        CelParser.DoubleContext => RuleType.Double,
        CelParser.StringContext => RuleType.String,
        CelParser.BoolTrueContext or CelParser.BoolFalseContext => RuleType.Bool,
        CelParser.NullContext => RuleType.Null,
        _ => Error(literal.Start, "bytes are not used in rules"),
    };

    private RuleType? Error(IToken token, string message)
    {
        _errors.Add(new RuleError(token.StartIndex, token.Line, token.Column + 1, message));
        return null;
    }

    private static bool IsNumber(RuleType t) => t is RuleType.Int or RuleType.Double;

    private static string Name(RuleType t) => t switch
    {
        RuleType.StringList => "list(string)",
        RuleType.NumberList => "list(number)",
        RuleType.CountMap => "map(string, int)",
        _ => t.ToString().ToLowerInvariant(),
    };
}
