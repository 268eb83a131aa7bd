using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Commerce.Chain.Contracts.Messages;
using Commerce.Events.Chain;
using Nethereum.Contracts;

namespace Commerce.Marketing.Campaigns;

/// <summary>
/// The token ids of a campaign's supply slots and the executor commands that mint them: GameItem.mintBatch, one
/// command id per batch ("campaign:&lt;id&gt;:batch:&lt;n&gt;"), so the executor sends each batch at most once.
/// </summary>
public static class CampaignMints
{
    public const string CommandPrefix = "campaign:";

    /// <summary>The executor command kind of a campaign's mints.</summary>
    public const string Kind = ChainCommandKinds.AirdropMint;

    public static string CommandId(string campaignId, int batch) => $"{CommandPrefix}{campaignId}:batch:{batch}";

    /// <summary>The campaign a command id names, or null ("campaign:spring:batch:3" names "spring").</summary>
    public static string? CampaignOf(string? commandId)
    {
        if (commandId is null || !commandId.StartsWith(CommandPrefix, StringComparison.Ordinal))
            return null;
        var rest = commandId[CommandPrefix.Length..];
        var end = rest.IndexOf(":batch:", StringComparison.Ordinal);
        return end > 0 ? rest[..end] : null;
    }

    /// <summary>
    /// The token ids of slot <paramref name="slot"/>: the campaign's own range (the top 64 of 128 bits from a hash of its
    /// id, far above catalog ids), <paramref name="quantity"/> per slot. Ids past the cap are never given out, and the
    /// contract refuses an id minted before, so the chain itself cannot exceed the cap either.
    /// </summary>
    public static IReadOnlyList<string> TokenIds(string campaignId, int slot, int quantity)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"campaign|{campaignId}"));
        var @base = new BigInteger(hash.AsSpan(0, 8), isUnsigned: true, isBigEndian: true) << 64;
        return [.. Enumerable.Range(0, quantity).Select(j => (@base + (BigInteger)slot * quantity + j).ToString(CultureInfo.InvariantCulture))];
    }

    public static long GasLimit(int tokens, CampaignOptions options) => options.BatchBaseGas + options.PerMintGas * tokens;

    /// <summary>The mintBatch command of <paramref name="recipients"/> (each gets its slot's tokens).</summary>
    public static ChainCommandRequested Command(string commandId, string contract, IReadOnlyList<(string Wallet, IReadOnlyList<string> TokenIds)> recipients, long gasLimit)
    {
        var call = new GameItemFunctions.MintBatch();
        foreach (var (wallet, tokenIds) in recipients)
        {
            foreach (var tokenId in tokenIds)
            {
                call.Recipients.Add(wallet);
                call.TokenIds.Add(BigInteger.Parse(tokenId, NumberStyles.None, CultureInfo.InvariantCulture));
            }
        }
        var data = "0x" + Convert.ToHexStringLower(call.GetCallData());
        return new ChainCommandRequested(commandId, Kind, contract, "0", data, (ulong)gasLimit, null);
    }
}
