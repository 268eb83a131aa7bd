using Commerce.Chain.Crypto;

namespace Commerce.Execution.Keys;

/// <summary>
/// The key the executor signs with, loaded once at start from configuration or an encrypted
/// keystore. Only its address is ever shown or logged.
/// </summary>
public sealed class HotWallet(EthPrivateKey key)
{
    public EthAddress Address { get; } = key.Address;

    internal EthPrivateKey Key { get; } = key;

    public static HotWallet Load(HotWalletOptions options)
    {
        var hasKey = !string.IsNullOrWhiteSpace(options.PrivateKey);
        var hasKeystore = !string.IsNullOrWhiteSpace(options.KeystorePath);
        if (hasKey == hasKeystore)
            throw new ArgumentException($"{HotWalletOptions.Section}: set exactly one of PrivateKey or KeystorePath", nameof(options));
        if (hasKey)
            return new HotWallet(EthPrivateKey.FromHex(options.PrivateKey!.Trim(), $"{HotWalletOptions.Section}:PrivateKey"));
        if (!File.Exists(options.KeystorePath))
            throw new ArgumentException($"{HotWalletOptions.Section}:KeystorePath: no file at {options.KeystorePath}", nameof(options));
        if (options.KeystorePassword is null)
            throw new ArgumentException($"{HotWalletOptions.Section}:KeystorePassword is required with KeystorePath", nameof(options));
        return new HotWallet(KeystoreV3.Decrypt(File.ReadAllText(options.KeystorePath), options.KeystorePassword));
    }

    public override string ToString() => $"HotWallet({Address})";
}
