using System.Numerics;
using Commerce.Chain.Crypto;

namespace Commerce.Host.Embedded;

/// <summary>
/// Tops a player's wallet up on the dev chain (<c>POST /api/dev/faucet</c>): at least 100 ETH (anvil_setBalance) and
/// 1,000,000 USDC (minted by the deployer, who owns the test stablecoin).
/// </summary>
public sealed class DevFaucet(DevChain chain)
{
    public static readonly BigInteger EthTarget = BigInteger.Pow(10, 18) * 100;

    public static readonly BigInteger UsdcTarget = BigInteger.Pow(10, 6) * 1_000_000;

    private readonly PipelinedSender _minter = new(chain.Eth, DevChain.Deployer, Commerce.Chain.Node.AnvilNode.ChainId);

    /// <summary>Tops <paramref name="wallet"/> up; returns its ETH (wei) and USDC (base units) balances afterwards.</summary>
    public async Task<(BigInteger Eth, BigInteger Usdc)> TopUpAsync(EthAddress wallet, CancellationToken ct)
    {
        var eth = await chain.Eth.GetBalanceAsync(wallet, null, ct).ConfigureAwait(false);
        if (eth < EthTarget)
        {
            await chain.Anvil.SetBalanceAsync(wallet, EthTarget, ct).ConfigureAwait(false);
            eth = await chain.Eth.GetBalanceAsync(wallet, null, ct).ConfigureAwait(false);
        }
        var usdc = await chain.Stablecoin.BalanceOfAsync(wallet, ct).ConfigureAwait(false);
        if (usdc < UsdcTarget)
        {
            await chain.Stablecoin.MintAsync(_minter, wallet, UsdcTarget - usdc, ct).ConfigureAwait(false);
            usdc = await chain.Stablecoin.BalanceOfAsync(wallet, ct).ConfigureAwait(false);
        }
        return (eth, usdc);
    }
}
