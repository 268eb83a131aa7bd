using System.Globalization;
using System.Numerics;
using Commerce.Sdk.Tests.Support;
using Commerce.Testing;

namespace Commerce.Sdk.Tests.Platform;

/// <summary>The custodial balance through the SDK: a top-up sent from the player's own wallet to the custody address is credited once confirmed.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CustodialBalanceTests(HostFixture platform)
{
    [Fact]
    public async Task A_top_up_sent_to_the_custody_address_is_read_back_as_a_confirmed_deposit_and_a_balance()
    {
        await using var player = await PlayerSession.StartAsync(platform);
        var chain = await player.Client.GetChainInfoAsync();
        Assert.NotNull(chain.Custody);
        var before = await player.Client.GetBalanceAsync();
        Assert.Equal((player.Wallet.Address.ToLowerInvariant(), chain.Custody!.ToLowerInvariant()), (before.Wallet.ToLowerInvariant(), before.Custody?.ToLowerInvariant()));
        Assert.Empty(before.Deposits);
        Assert.Equal("0", before.Balances["ETH"]);
        await player.Client.RequestFaucetAsync();
        var amount = BigInteger.Pow(10, 17).ToString(CultureInfo.InvariantCulture);
        using var wallet = new StepSender(chain.RpcUrl!, player.Wallet.Key, (ulong)chain.ChainId);

        var sent = Assert.Single(await wallet.SendAsync([new PaymentStep(chain.Custody, "0x", amount, "top up the custodial balance")]));

        CustodialBalance after = before;
        await Eventually.Until(async () => (after = await player.Client.GetBalanceAsync()).Deposits.Any(d => d.Confirmed), TimeSpan.FromSeconds(60),
            () => $"the deposit {sent.TransactionHash} to be confirmed; balance {after.Json}");
        var deposit = Assert.Single(after.Deposits);
        Assert.Equal((sent.TransactionHash.ToLowerInvariant(), amount), (deposit.TransactionHash.ToLowerInvariant(), deposit.Amount));
        Assert.Equal((amount, "0"), (after.Balances["eth"], after.Held["ETH"]));
    }
}
