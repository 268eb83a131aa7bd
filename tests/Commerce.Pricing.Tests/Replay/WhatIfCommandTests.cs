using Commerce.Pricing.Replay;

namespace Commerce.Pricing.Tests.Replay;

public sealed class WhatIfCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("what-if-").FullName;
    private readonly string _policy = Path.Combine(AppContext.BaseDirectory, "policies", "default.json");

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = WhatIfCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private const string Stream = """
        {"type":"ItemSupplyChanged","at":"2026-11-20T10:00:00Z","itemId":"dragons:4","collection":"dragons","remaining":10,"total":10,"rarity":"epic"}
        {"type":"InterestShown","at":"2026-11-20T10:00:05Z","playerId":"p1","itemId":"dragons:4","collection":"dragons","dwellSeconds":30}
        {"type":"OfferRequested","at":"2026-11-20T10:00:06Z","playerId":"p1"}
        """;

    [Fact]
    public void A_cheaper_candidate_policy_reprices_the_recorded_offers()
    {
        var candidate = Write("candidate.json", File.ReadAllText(_policy).Replace("\"2026.11.1\"", "\"cheaper\"").Replace("\"basePrice\": \"0.05\"", "\"basePrice\": \"0.04\""));

        var (code, output, error) = Run("--stream", Write("stream.jsonl", Stream), "--policy", _policy, "--candidate", candidate);

        Assert.True(code == 0, error);
        Assert.Contains("baseline 2026.11.1 -> candidate cheaper", output);
        Assert.Contains("offers 1, changed 1; items repriced 1", output);
        Assert.Contains("dragons:4: #1", output);
    }

    [Fact]
    public void A_recorded_sale_by_one_of_our_orders_leaves_the_item_out_of_the_replayed_offer()
    {
        var sold = Stream.Replace("{\"type\":\"OfferRequested\"",
            "{\"type\":\"ItemAvailabilityChanged\",\"at\":\"2026-11-20T10:00:05Z\",\"itemId\":\"dragons:4\",\"orderId\":\"o1\",\"availability\":\"sold\"}\n{\"type\":\"OfferRequested\"");
        var candidate = Write("candidate.json", File.ReadAllText(_policy).Replace("\"2026.11.1\"", "\"cheaper\"").Replace("\"basePrice\": \"0.05\"", "\"basePrice\": \"0.04\""));
        var (code, output, error) = Run("--stream", Write("sold.jsonl", sold), "--policy", _policy, "--candidate", candidate);

        Assert.True(code == 0, error);
        Assert.Contains("offers 1, changed 0; items repriced 0", output); // the same stream without the sale: changed 1
        Assert.DoesNotContain("dragons:4: #1", output);
    }

    [Theory]
    [InlineData("{\"type\":\"ItemAvailabilityChanged\",\"at\":\"2026-11-20T10:00:05Z\",\"itemId\":\"dragons:4\",\"orderId\":\"o1\",\"availability\":\"stolen\"}", "line 1: availability:")]
    [InlineData("{\"type\":\"InterestShown\",\"at\":\"2026-11-20T10:00:05Z\",\"playerId\":\"p1\",\"itemId\":\"dragons:4\",\"collection\":\"dragons\"}", "line 1: dwellSeconds:")]
    [InlineData("{\"type\":\"OfferRequested\",\"at\":\"yesterday\",\"playerId\":\"p1\"}", "line 1: at:")]
    [InlineData("{\"type\":\"Teleported\",\"at\":\"2026-11-20T10:00:05Z\"}", "line 1: type:")]
    [InlineData("\n{\"type\":\"BidPlaced\",\"at\":\"2026-11-20T10:00:05Z\",\"itemId\":\"dragons:4\",\"collection\":\"dragons\",\"amount\":\"1\",\"currency\":\"DOGE\"}", "line 2: currency:")]
    [InlineData("not json", "line 1: $:")]
    public void A_bad_stream_line_is_one_error_line_naming_the_field_and_exit_code_2(string line, string expected)
    {
        var (code, output, error) = Run("--stream", Write("bad.jsonl", line), "--policy", _policy, "--candidate", _policy);

        Assert.Equal(2, code);
        Assert.StartsWith("what-if: --stream " + expected, error);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Empty(output);
    }

    [Fact]
    public void Missing_options_and_invalid_policies_name_the_option()
    {
        var stream = Write("stream.jsonl", Stream);
        var invalid = Write("invalid.json", File.ReadAllText(_policy).Replace("\"floor\": \"0.02\"", "\"floor\": \"9\""));

        Assert.StartsWith("what-if: --candidate: is required", Run("--stream", stream, "--policy", _policy).Err);
        var (code, _, error) = Run("--stream", stream, "--policy", _policy, "--candidate", invalid);
        Assert.Equal(2, code);
        Assert.StartsWith("what-if: --candidate:", error);
        Assert.Contains("collections.dragons.floor", error);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
