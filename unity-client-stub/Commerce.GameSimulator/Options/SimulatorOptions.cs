using System.Globalization;

namespace Commerce.GameSimulator.Options;

/// <summary>Command-line settings of the game simulator.</summary>
public sealed record SimulatorOptions(
    Uri Url,
    int Players,
    int Interests,
    IReadOnlyList<string> Items,
    TimeSpan Timeout,
    int Concurrency)
{
    public const string Usage =
        """
        Usage: Commerce.GameSimulator --url <http(s)://host:port> [--players N] [--interests M]
                                      [--items a,b,c] [--timeout SECONDS] [--concurrency K]

          --url          Commerce server root URL (required)
          --players      simulated players, each with its own wallet (default 10)
          --interests    interests each player shows in random items (default 3)
          --items        item ids to pick from, "collection:tokenId" (default dragons:42)
          --timeout      seconds to wait for every push after the last interest (default 60)
          --concurrency  players signing in at the same time (default 16)
        """;

    /// <summary>Parses arguments; throws <see cref="ArgumentException"/> naming the option at fault.</summary>
    public static SimulatorOptions Parse(IReadOnlyList<string> args)
    {
        Uri? url = null;
        var players = 10;
        var interests = 3;
        IReadOnlyList<string> items = ["dragons:42"];
        var timeout = TimeSpan.FromSeconds(60);
        var concurrency = 16;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[++i]
                : throw new ArgumentException($"{name} needs a value.", name);

            switch (name)
            {
                case "--url":
                    var text = Value();
                    if (!Uri.TryCreate(text, UriKind.Absolute, out url) || (url.Scheme != "http" && url.Scheme != "https"))
                    {
                        throw new ArgumentException($"--url must be an absolute http or https URL, got '{text}'.", name);
                    }

                    break;
                case "--players":
                    players = PositiveInt(name, Value(), 100_000);
                    break;
                case "--interests":
                    interests = PositiveInt(name, Value(), 10_000);
                    break;
                case "--items":
                    items = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    var bad = items.FirstOrDefault(item => item.Split(':') is not [{ Length: > 0 }, { Length: > 0 }]);
                    if (items.Count == 0 || bad is not null)
                    {
                        throw new ArgumentException($"--items must list \"collection:tokenId\" ids separated by commas, got '{bad}'.", name);
                    }

                    break;
                case "--timeout":
                    timeout = TimeSpan.FromSeconds(PositiveInt(name, Value(), 86_400));
                    break;
                case "--concurrency":
                    concurrency = PositiveInt(name, Value(), 1_000);
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{name}'.", name);
            }
        }

        return new SimulatorOptions(
            url ?? throw new ArgumentException("--url is required.", "--url"),
            players,
            interests,
            items,
            timeout,
            concurrency);
    }

    private static int PositiveInt(string name, string text, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max
            ? value
            : throw new ArgumentException($"{name} must be a whole number from 1 to {max}, got '{text}'.", name);
}
