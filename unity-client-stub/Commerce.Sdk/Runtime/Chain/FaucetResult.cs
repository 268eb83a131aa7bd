namespace Commerce.Sdk
{
    /// <summary>What the dev faucet left in the player's wallet (decimal strings: wei, and stablecoin base units).</summary>
    public sealed class FaucetResult
    {
        public FaucetResult(string wallet, string eth, string usdc)
        {
            Wallet = wallet;
            Eth = eth;
            Usdc = usdc;
        }

        public string Wallet { get; }

        public string Eth { get; }

        public string Usdc { get; }
    }
}
