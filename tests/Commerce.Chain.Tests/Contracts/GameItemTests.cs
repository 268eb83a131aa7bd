using System.Numerics;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;

namespace Commerce.Chain.Tests.Contracts;

/// <summary>The GameItem collection: minter role, token URIs, batch mint for airdrops, safe transfer.</summary>
[Collection(nameof(ContractsCollection))]
public class GameItemTests(ContractsEnvironment env)
{
    [Fact]
    public async Task Batch_mint_airdrops_one_item_per_recipient_with_base_or_own_uris()
    {
        var d = await env.DeployAsync();
        var minter = await env.NewActorAsync();
        await d.Items.GrantRoleAsync(d.Admin.Sender, ContractRoles.Minter, minter.Address);
        var players = Enumerable.Range(0, 5).Select(_ => EthPrivateKey.Generate().Address).ToArray();
        var ids = players.Select(_ => env.NewTokenId()).ToArray();

        var receipt = await d.Items.MintBatchAsync(minter.Sender, players, ids);

        var transfers = d.Items.DecodeTransfers(receipt.Logs);
        Assert.Equal(5, transfers.Count);
        Assert.All(transfers, t => Assert.True(t.IsMint));
        for (var i = 0; i < players.Length; i++)
        {
            Assert.Equal(players[i], await d.Items.OwnerOfAsync(ids[i]));
            Assert.Equal($"https://items.example/meta/{ids[i]}", await d.Items.TokenUriAsync(ids[i]));
        }

        var more = new[] { env.NewTokenId(), env.NewTokenId() };
        await d.Items.MintBatchAsync(minter.Sender, [players[0], players[1]], more, ["ipfs://sword", "ipfs://shield"]);
        Assert.Equal("ipfs://shield", await d.Items.TokenUriAsync(more[1]));
        Assert.Equal(new BigInteger(2), await d.Items.BalanceOfAsync(players[0]));
    }

    [Fact]
    public async Task A_batch_is_all_or_nothing_and_its_arrays_must_match()
    {
        var d = await env.DeployAsync();
        await d.Items.GrantRoleAsync(d.Admin.Sender, ContractRoles.Minter, d.Admin.Address);
        var a = EthPrivateKey.Generate().Address;
        var b = EthPrivateKey.Generate().Address;
        var taken = env.NewTokenId();
        await d.Items.MintAsync(d.Admin.Sender, a, taken);
        var fresh = env.NewTokenId();

        var mismatch = await Reverts.WithAsync("BatchLengthMismatch", () => d.Items.MintBatchAsync(d.Admin.Sender, [a, b], [fresh]));
        Assert.Equal([new BigInteger(2), BigInteger.One, BigInteger.Zero], mismatch.ErrorArguments);
        await Reverts.WithAsync("BatchLengthMismatch", () => d.Items.MintBatchAsync(d.Admin.Sender, [a, b], [fresh, env.NewTokenId()], ["only-one"]));
        await Reverts.WithAsync("EmptyBatch", () => d.Items.MintBatchAsync(d.Admin.Sender, [], []));
        await Reverts.WithAsync("ERC721InvalidSender", () => d.Items.MintBatchAsync(d.Admin.Sender, [a, b], [fresh, taken]));
        Assert.False(await d.Items.ExistsAsync(fresh));
    }

    [Fact]
    public async Task Only_minters_mint_and_only_the_admin_grants_the_role()
    {
        var d = await env.DeployAsync();
        var stranger = await env.NewActorAsync();
        var id = env.NewTokenId();

        var denied = await Reverts.WithAsync("AccessControlUnauthorizedAccount", () => d.Items.MintAsync(stranger.Sender, stranger.Address, id));
        Assert.Equal([stranger.Address, ContractRoles.Minter], denied.ErrorArguments);
        await Reverts.WithAsync("AccessControlUnauthorizedAccount", () => d.Items.MintBatchAsync(stranger.Sender, [stranger.Address], [id]));
        var notAdmin = await Reverts.WithAsync("AccessControlUnauthorizedAccount", () => d.Items.GrantRoleAsync(stranger.Sender, ContractRoles.Minter, stranger.Address));
        Assert.Equal([stranger.Address, ContractRoles.DefaultAdmin], notAdmin.ErrorArguments);
        await Reverts.WithAsync("AccessControlUnauthorizedAccount", () => d.Items.SetBaseUriAsync(stranger.Sender, "https://evil.example/"));

        await d.Items.GrantRoleAsync(d.Admin.Sender, ContractRoles.Minter, stranger.Address);
        await d.Items.MintAsync(stranger.Sender, stranger.Address, id);
        Assert.True(await d.Items.HasRoleAsync(ContractRoles.Minter, stranger.Address));
        await d.Items.RevokeRoleAsync(d.Admin.Sender, ContractRoles.Minter, stranger.Address);
        await Reverts.WithAsync("AccessControlUnauthorizedAccount", () => d.Items.MintAsync(stranger.Sender, stranger.Address, env.NewTokenId()));
    }

    [Fact]
    public async Task A_checkout_without_the_minter_role_cannot_sell_unminted_items()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        await d.Items.RevokeRoleAsync(d.Admin.Sender, ContractRoles.Minter, d.Checkout.Address);
        var quote = await d.QuoteAsync(buyer, 1_000);

        var error = await Reverts.WithAsync("AccessControlUnauthorizedAccount", () => d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote)));
        Assert.Equal([d.Checkout.Address, ContractRoles.Minter], error.ErrorArguments);
        Assert.Equal(BigInteger.Zero, await env.Eth.GetBalanceAsync(d.Checkout.Address));
    }

    [Fact]
    public async Task Safe_transfer_moves_an_item_to_a_wallet_and_refuses_non_receiver_contracts_and_strangers()
    {
        var d = await env.DeployAsync();
        var owner = await env.NewActorAsync();
        var stranger = await env.NewActorAsync();
        var friend = EthPrivateKey.Generate().Address;
        await d.Items.GrantRoleAsync(d.Admin.Sender, ContractRoles.Minter, d.Admin.Address);
        var id = env.NewTokenId();
        await d.Items.MintAsync(d.Admin.Sender, owner.Address, id);

        var notReceiver = await Reverts.WithAsync("ERC721InvalidReceiver", () => d.Items.SafeTransferFromAsync(owner.Sender, owner.Address, d.Coin.Address, id));
        Assert.Equal(d.Coin.Address, notReceiver.ErrorArguments[0]);
        await Reverts.WithAsync("ERC721InsufficientApproval", () => d.Items.SafeTransferFromAsync(stranger.Sender, owner.Address, stranger.Address, id));
        var receipt = await d.Items.SafeTransferFromAsync(owner.Sender, owner.Address, friend, id, data: [1, 2, 3]);

        Assert.Equal(friend, await d.Items.OwnerOfAsync(id));
        var moved = Assert.Single(d.Items.DecodeTransfers(receipt.Logs));
        Assert.Equal((owner.Address, friend, id), (moved.From, moved.To, moved.TokenId));
        Assert.True(await d.Items.SupportsInterfaceAsync([0x80, 0xac, 0x58, 0xcd])); // ERC-721
        Assert.Equal(("Commerce Items", "CITEM"), (await d.Items.NameAsync(), await d.Items.SymbolAsync()));
    }

    [Fact]
    public async Task The_test_stablecoin_has_six_decimals_and_only_its_owner_mints()
    {
        var d = await env.DeployAsync();
        var stranger = await env.NewActorAsync();

        Assert.Equal(6, await d.Coin.DecimalsAsync());
        Assert.Equal("cUSD", await d.Coin.SymbolAsync());
        Assert.Equal(d.Admin.Address, await d.Coin.OwnerAsync());
        var denied = await Reverts.WithAsync("OwnableUnauthorizedAccount", () => d.Coin.MintAsync(stranger.Sender, stranger.Address, 1));
        Assert.Equal(stranger.Address, denied.ErrorArguments[0]);
        await d.Coin.MintAsync(d.Admin.Sender, stranger.Address, 5 * TestStablecoinContract.OneToken);
        Assert.Equal(5 * TestStablecoinContract.OneToken, await d.Coin.TotalSupplyAsync());
        var overdraft = await Reverts.WithAsync("ERC20InsufficientBalance", () => d.Coin.TransferAsync(stranger.Sender, d.Admin.Address, 6 * TestStablecoinContract.OneToken));
        Assert.Equal([stranger.Address, 5 * TestStablecoinContract.OneToken, 6 * TestStablecoinContract.OneToken], overdraft.ErrorArguments);
    }
}
