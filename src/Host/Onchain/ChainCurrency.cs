using Commerce.Chain.Crypto;

namespace Commerce.Host.Onchain;

/// <summary>A currency quotes can be paid in: its code, its token (address(0) for ETH) and its decimals.</summary>
public sealed record ChainCurrency(string Code, EthAddress Token, int Decimals);
