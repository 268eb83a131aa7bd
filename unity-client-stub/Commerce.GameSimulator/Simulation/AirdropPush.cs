using System.Text.Json;

namespace Commerce.GameSimulator.Simulation;

/// <summary>An <c>AirdropDelivered</c> push as the game reads it: the GameItem contract and the token ids minted to the player.</summary>
public sealed record AirdropPush(string Wallet, string Contract, IReadOnlyList<string> TokenIds)
{
    public const string Type = "AirdropDelivered";

    public static AirdropPush Parse(string payloadJson)
    {
        using var document = JsonDocument.Parse(payloadJson);
        var root = document.RootElement;
        var tokens = root.GetProperty("tokenIds").EnumerateArray().Select(t => t.GetString() ?? "").ToList();
        return new AirdropPush(root.GetProperty("wallet").GetString() ?? "", root.GetProperty("contract").GetString() ?? "", tokens);
    }
}
