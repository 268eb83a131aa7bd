using System.Text.Json.Nodes;
using Commerce.Chain.Crypto;
using Commerce.Chain.Transactions;
using Commerce.Execution.Cli;
using Commerce.Execution.Storage;
using Commerce.Execution.Tests.Support;

namespace Commerce.Execution.Tests.Cli;

public sealed class ChainCliTests
{
    private const string DevKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private const string DevAddress = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

    private const string TypedJson = """
        {"types":{"EIP712Domain":[{"name":"name","type":"string"},{"name":"chainId","type":"uint256"}],
                  "Quote":[{"name":"item","type":"uint256"},{"name":"buyer","type":"address"}]},
         "primaryType":"Quote","domain":{"name":"Commerce","chainId":31337},
         "message":{"item":"7","buyer":"0x70997970C51812dc3A010C7d01b50e0d17dc79C8"}}
        """;

    [Theory]
    [InlineData(new[] { "keccak", "--data", "0x" }, "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData(new[] { "keccak", "--text", "hello" }, "0x1c8aff950685c2ed4bc3174f3472287b56d9517b9c948127319a09a7a36deac8")]
    [InlineData(new[] { "address", "--key", DevKey }, DevAddress)]
    [InlineData(new[] { "abi-encode", "--signature", "transfer(address,uint256)", "--args", """["0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "5"]""" },
        "0xa9059cbb00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c80000000000000000000000000000000000000000000000000000000000000005")]
    [InlineData(new[] { "abi-decode", "--signature", "f() returns (uint256, bool, address)", "--data",
        "0x000000000000000000000000000000000000000000000000000000000000002a0000000000000000000000000000000000000000000000000000000000000001000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266" },
        """["42",true,"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"]""")]
    public async Task Known_answers(string[] args, string expected)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.True(code == 0, error);
        Assert.Equal(expected, output.Trim());
    }

    [Fact]
    public async Task A_signed_transaction_decodes_back_to_its_fields_and_sender()
    {
        var (_, signed, _) = await RunAsync("sign-tx", "--key", DevKey, "--chain-id", "31337", "--nonce", "3", "--max-fee", "2000000000",
            "--priority-fee", "1000000000", "--gas", "21000", "--to", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "--value", "0x10");
        var raw = JsonNode.Parse(signed)!["raw"]!.GetValue<string>();

        var (code, decoded, error) = await RunAsync("decode-tx", "--raw", raw);

        Assert.True(code == 0, error);
        var json = JsonNode.Parse(decoded)!;
        Assert.Equal(2, json["type"]!.GetValue<int>());
        Assert.Equal(3UL, json["nonce"]!.GetValue<ulong>());
        Assert.Equal("16", json["value"]!.GetValue<string>());
        Assert.Equal("2000000000", json["maxFeePerGas"]!.GetValue<string>());
        Assert.Equal(DevAddress, json["sender"]!.GetValue<string>());
        Assert.Equal(SignedTransaction.Decode(raw).Hash, json["hash"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_signed_transaction_is_accepted_by_a_real_node()
    {
        await using var node = await AnvilNode.StartAsync();
        var (_, signed, _) = await RunAsync("sign-tx", "--key", DevKey, "--chain-id", "31337", "--nonce", "0", "--max-fee", "3000000000",
            "--priority-fee", "1000000000", "--gas", "21000", "--to", DevAddress);
        var json = JsonNode.Parse(signed)!;

        var hash = await node.Eth.SendRawTransactionAsync(Chain.Hex.HexString.Decode(json["raw"]!.GetValue<string>()));

        Assert.Equal(json["hash"]!.GetValue<string>(), hash);
    }

    [Fact]
    public async Task Messages_and_typed_data_signed_here_recover_to_the_signer()
    {
        var (_, signature, _) = await RunAsync("sign-message", "--key", DevKey, "--text", "hello");
        var (code, signer, error) = await RunAsync("recover-message", "--signature", signature.Trim(), "--text", "hello");
        Assert.True(code == 0, error);
        Assert.Equal(DevAddress, signer.Trim());

        var (_, typedSignature, _) = await RunAsync("sign-typed", "--key", DevKey, "--typed", TypedJson);
        (code, signer, error) = await RunAsync("recover-typed", "--signature", typedSignature.Trim(), "--typed", TypedJson);
        Assert.True(code == 0, error);
        Assert.Equal(DevAddress, signer.Trim());
    }

    [Theory]
    [InlineData(new[] { "keccak", "--data", "0xzz" }, "--data")]
    [InlineData(new[] { "address", "--key", "0x1234" }, "--key")]
    [InlineData(new[] { "address" }, "--key")]
    [InlineData(new[] { "sign-tx", "--key", DevKey, "--chain-id", "1", "--nonce", "x", "--gas", "21000", "--max-fee", "1", "--priority-fee", "1" }, "--nonce")]
    [InlineData(new[] { "sign-tx", "--key", DevKey, "--chain-id", "1", "--nonce", "0", "--gas", "21000", "--max-fee", "1", "--priority-fee", "2" }, "maxPriorityFeePerGas")]
    [InlineData(new[] { "sign-tx", "--key", DevKey, "--chain-id", "1", "--nonce", "0", "--gas", "21000", "--max-fee", "1", "--priority-fee", "1", "--to", "0x12" }, "--to")]
    [InlineData(new[] { "decode-tx", "--raw", "0x03c0" }, "type")]
    [InlineData(new[] { "abi-encode", "--signature", "transfer(address,uint256)", "--args", """["0x12", "5"]""" }, "--args: [0]")]
    [InlineData(new[] { "abi-encode", "--signature", "transfer(address,uint256)", "--args", "{}" }, "--args")]
    [InlineData(new[] { "recover-typed", "--signature", "0x00", "--typed", """{"types":{}}""" }, "")]
    [InlineData(new[] { "keccak", "--data", "0x", "--dta", "1" }, "--dta")]
    [InlineData(new[] { "frobnicate" }, "command")]
    [InlineData(new[] { "nonce", "show", "--rpc", "not a url", "--sender", DevAddress, "--connection", "Data Source=x" }, "--rpc")]
    public async Task Bad_input_gets_one_line_naming_the_field_and_exit_code_2(string[] args, string field)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(field, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nonce_show_resync_cancel_and_stuck_work_on_the_executor_store()
    {
        await using var node = await AnvilNode.StartAsync();
        await using var harness = await ExecutorHarness.StartAsync(node);
        await node.Anvil.SetAutomineAsync(false);
        var to = EthAddress.FromBytes(Keccak256.HashUtf8("cli").AsSpan(12));
        await harness.AcceptAsync(ExecutorHarness.Transfer("x0", to, 1), ExecutorHarness.Transfer("x1", to, 1));
        await harness.PassAsync();
        string[] common = ["--rpc", node.Endpoint.ToString(), "--sender", DevAddress, "--connection", harness.File.ConnectionString];

        var (code, shown, error) = await RunAsync(["nonce", "show", .. common]);
        Assert.True(code == 0, error);
        var state = JsonNode.Parse(shown)!;
        Assert.Equal(2UL, state["storedNext"]!.GetValue<ulong>());
        Assert.Equal(0UL, state["chainLatest"]!.GetValue<ulong>());
        Assert.Equal(2UL, state["chainPending"]!.GetValue<ulong>());
        Assert.Equal(2, state["open"]!.GetValue<int>());

        (code, var stuck, error) = await RunAsync(["stuck", .. common, "--older-than", "0"]);
        Assert.True(code == 0, error);
        Assert.Equal(["x0", "x1"], JsonNode.Parse(stuck)!.AsArray().Select(n => n!["commandId"]!.GetValue<string>()));

        (code, var cancelled, error) = await RunAsync(["nonce", "cancel", .. common, "--nonce", "1", "--key", DevKey]);
        Assert.True(code == 0, error);
        Assert.Equal("x1", JsonNode.Parse(cancelled)!["commandId"]!.GetValue<string>());
        Assert.True((await harness.CommandAsync("x1")).Latest.IsCancel);

        (code, var resynced, error) = await RunAsync(["nonce", "resync", .. common]);
        Assert.True(code == 0, error);
        Assert.Equal(2UL, JsonNode.Parse(resynced)!["storedNext"]!.GetValue<ulong>());

        await harness.MineAndPassAsync(2);
        Assert.Equal(CommandStatus.Failed, (await harness.CommandAsync("x1")).Status);
        Assert.Equal(CommandStatus.Confirmed, (await harness.CommandAsync("x0")).Status);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await ChainCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
