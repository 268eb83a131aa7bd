using System.Globalization;

namespace Commerce.Benchmarks.Orders;

/// <summary>Arguments of <c>./run bench orders</c>.</summary>
internal sealed record OrdersBenchOptions(int Players, int Orders, int Rate, TimeSpan Timeout)
{
    public const string Usage = "usage: ./run bench orders [--players N (1000)] [--orders N (1500)] [--rate ORDERS_PER_S (150)] [--timeout SECONDS (240)]";

    public static OrdersBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new OrdersBenchOptions(1000, 1500, 150, TimeSpan.FromSeconds(240));
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            int Value() => i + 1 < args.Count && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0
                ? v
                : throw new ArgumentException($"{name} needs a positive whole number. {Usage}");
            options = name switch
            {
                "--players" => options with { Players = Value() },
                "--orders" => options with { Orders = Value() },
                "--rate" => options with { Rate = Value() },
                "--timeout" => options with { Timeout = TimeSpan.FromSeconds(Value()) },
                _ => throw new ArgumentException($"unknown option {name}. {Usage}"),
            };
        }
        return options;
    }
}
