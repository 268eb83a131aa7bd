using System.Diagnostics;
using System.Text.Json;
using Commerce.Chain.Contracts;
using Commerce.Chain.Contracts.Artifacts;
using Commerce.Chain.Contracts.Messages;
using Nethereum.ABI;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Commerce.Chain.Tests.Contracts;

/// <summary>The committed artifacts are what the Solidity sources compile to, and the wrappers' ABI matches them.</summary>
public class ArtifactTests
{
    public static TheoryData<string> ContractNames => new() { "GameItem", "TestStablecoin", "Checkout" };

    [Fact]
    public async Task Committed_artifacts_match_a_fresh_compile_of_the_sources()
    {
        var fresh = Directory.CreateTempSubdirectory("contracts-");
        try
        {
            var (exitCode, output) = await RunAsync("bash", [Path.Combine(RepositoryPaths.Root, "scripts", "build-contracts.sh"), fresh.FullName], TimeSpan.FromMinutes(4));
            Assert.True(exitCode == 0, $"scripts/build-contracts.sh failed with exit code {exitCode}:\n{output}");

            var committedFiles = Directory.GetFiles(RepositoryPaths.Artifacts).Select(Path.GetFileName).Order().ToArray();
            var freshFiles = Directory.GetFiles(fresh.FullName).Select(Path.GetFileName).Order().ToArray();
            Assert.Equal(freshFiles, committedFiles);
            foreach (var name in freshFiles)
            {
                var same = File.ReadAllBytes(Path.Combine(fresh.FullName, name!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(RepositoryPaths.Artifacts, name!)));
                Assert.True(same, $"src/Chain/Contracts/Artifacts/{name} is stale: run scripts/build-contracts.sh and commit the result");
            }
        }
        finally
        {
            fresh.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(ContractNames))]
    public void Bytecode_constants_are_the_json_artifacts_bytecode(string contract)
    {
        var expected = ReadArtifact(contract).GetProperty("bytecode").GetString();
        var actual = typeof(ContractBytecode).GetField(contract)!.GetRawConstantValue();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(ContractNames))]
    public void Every_function_event_and_error_the_wrapper_declares_is_in_the_compiled_abi(string contract)
    {
        var abi = ReadAbi(contract);
        var (functions, events, errors) = Declared(contract);
        foreach (var function in functions)
        {
            Assert.True(abi.Functions.TryGetValue(function.Signature, out var outputs), $"{contract} has no function {function.Signature}");
            Assert.Equal(outputs, function.Outputs);
        }
        foreach (var e in events)
            Assert.True(abi.Events.Contains(e.Signature), $"{contract} has no event {e.Signature}");
        foreach (var error in errors.Where(e => abi.Errors.Contains(e.Signature) is false))
            Assert.True(OtherContractsDeclare(contract, error.Signature), $"neither {contract} nor a contract it calls has the error {error.Signature}");
    }

    [Theory]
    [MemberData(nameof(ContractNames))]
    public void Every_event_and_error_in_the_compiled_abi_can_be_decoded_by_the_wrapper(string contract)
    {
        var abi = ReadAbi(contract);
        var (_, events, errors) = Declared(contract);
        Assert.Empty(abi.Events.Except(events.Select(e => e.Signature)));
        Assert.Empty(abi.Errors.Except(errors.Select(e => e.Signature)));
    }

    private sealed record Declaration(string Signature, string Outputs);

    /// <summary>The signatures of the Nethereum [Function], [Event] and [Error] types declared for <paramref name="contract"/>.</summary>
    private static (IReadOnlyList<Declaration> Functions, IReadOnlyList<Declaration> Events, IReadOnlyList<Declaration> Errors) Declared(string contract)
    {
        var (functions, events, errors) = contract switch
        {
            "GameItem" => (typeof(GameItemFunctions), GameItemEvents.All, GameItemErrors.All),
            "TestStablecoin" => (typeof(TestStablecoinFunctions), TestStablecoinEvents.All, TestStablecoinErrors.All),
            _ => (typeof(CheckoutFunctions), CheckoutEvents.All, CheckoutErrors.All),
        };
        var extractor = new AttributesToABIExtractor();
        var functionTypes = functions.GetNestedTypes().Where(t => typeof(FunctionMessage).IsAssignableFrom(t)).ToList();
        if (contract != "TestStablecoin")
            functionTypes.AddRange(typeof(AccessControlFunctions).GetNestedTypes().Where(t => typeof(FunctionMessage).IsAssignableFrom(t)));
        return (
            functionTypes.Select(extractor.ExtractFunctionABI).Select(f => new Declaration(f.Signature, string.Join(",", (f.OutputParameters ?? []).Select(o => CanonicalType(o.ABIType))))).ToArray(),
            events.Select(extractor.ExtractEventABI).Select(e => new Declaration(e.Signature, "")).ToArray(),
            errors.Abis.Select(e => new Declaration(e.Signature, "")).ToArray());
    }

    private static string CanonicalType(ABIType type) =>
        type is TupleType tuple ? "(" + string.Join(",", tuple.Components.Select(c => CanonicalType(c.ABIType))) + ")" : type.CanonicalName;

    private static bool OtherContractsDeclare(string contract, string errorSignature) =>
        contract == "Checkout" && (ReadAbi("GameItem").Errors.Contains(errorSignature) || ReadAbi("TestStablecoin").Errors.Contains(errorSignature));

    private sealed record CompiledAbi(Dictionary<string, string> Functions, HashSet<string> Events, HashSet<string> Errors);

    private static JsonElement ReadArtifact(string contract) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Artifacts, contract + ".json"))).RootElement;

    private static CompiledAbi ReadAbi(string contract)
    {
        var result = new CompiledAbi([], [], []);
        foreach (var item in ReadArtifact(contract).GetProperty("abi").EnumerateArray())
        {
            var kind = item.GetProperty("type").GetString();
            if (kind is "constructor" or "fallback" or "receive")
                continue;
            var signature = $"{item.GetProperty("name").GetString()}({string.Join(",", item.GetProperty("inputs").EnumerateArray().Select(Canonical))})";
            switch (kind)
            {
                case "function":
                    result.Functions[signature] = string.Join(",", item.GetProperty("outputs").EnumerateArray().Select(Canonical));
                    break;
                case "event":
                    result.Events.Add(signature);
                    break;
                case "error":
                    result.Errors.Add(signature);
                    break;
            }
        }
        return result;
    }

    private static string Canonical(JsonElement parameter)
    {
        var type = parameter.GetProperty("type").GetString()!;
        return type.StartsWith("tuple", StringComparison.Ordinal)
            ? "(" + string.Join(",", parameter.GetProperty("components").EnumerateArray().Select(Canonical)) + ")" + type["tuple".Length..]
            : type;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
