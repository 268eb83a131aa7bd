namespace Commerce.Execution.Keys;

/// <summary>
/// Where the hot wallet key comes from: a hex private key, or an encrypted keystore file (Web3
/// Secret Storage v3) and its password. Bound from "Execution:HotWallet"; values are secrets and
/// are never logged (<see cref="ToString"/> hides them).
/// </summary>
public sealed class HotWalletOptions
{
    public const string Section = "Execution:HotWallet";

    public string? PrivateKey { get; set; }

    public string? KeystorePath { get; set; }

    public string? KeystorePassword { get; set; }

    public override string ToString() =>
        $"HotWalletOptions(PrivateKey: {(string.IsNullOrEmpty(PrivateKey) ? "unset" : "set")}, KeystorePath: {KeystorePath ?? "unset"})";
}
