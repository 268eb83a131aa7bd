using Commerce.Chain.Crypto;
using Commerce.Chain.Rlp;
using Nethereum.Model;

namespace Commerce.Chain.Transactions;

/// <summary>One EIP-2930 access list entry: an address and the 32-byte storage keys it touches.</summary>
public sealed record AccessListEntry(EthAddress Address, IReadOnlyList<byte[]> StorageKeys)
{
    internal AccessListItem ToNethereum() => new(
        Address.ToLowerHex(),
        [.. StorageKeys.Select((key, i) => key.Length == 32
            ? key
            : throw new TransactionFormatException($"accessList.storageKeys[{i}]", $"a storage key is 32 bytes, got {key.Length}"))]);

    internal static IReadOnlyList<AccessListEntry> FromRlp(RlpItem list)
    {
        if (!list.IsList)
            throw new TransactionFormatException("accessList", "must be an RLP list");
        var entries = new List<AccessListEntry>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var entry = list.Items[i];
            if (!entry.IsList || entry.Items.Count != 2 || !entry.Items[1].IsList)
                throw new TransactionFormatException($"accessList[{i}]", "must be [address, [storageKeys...]]");
            var address = entry.Items[0].ToBytes($"accessList[{i}].address");
            if (address.Length != EthAddress.Length)
                throw new TransactionFormatException($"accessList[{i}].address", $"an address is 20 bytes, got {address.Length}");
            var keys = entry.Items[1].Items.Select((k, j) =>
            {
                var key = k.ToBytes($"accessList[{i}].storageKeys[{j}]");
                return key.Length == 32 ? key : throw new TransactionFormatException($"accessList[{i}].storageKeys[{j}]", $"a storage key is 32 bytes, got {key.Length}");
            }).ToArray();
            entries.Add(new AccessListEntry(EthAddress.FromBytes(address), keys));
        }
        return entries;
    }
}
