using System.Text.Json;
using Commerce.Actors.Ledger;
using Commerce.Actors.Storage;
using Commerce.Chain.Hex;

namespace Commerce.Host.Ledger;

/// <summary>
/// <c>commerce ledger verify [--json]</c>: replays the hash-chained ledger (decision D9) of the configured store
/// and says whether it is intact. Exit 0 intact, 1 broken, 2 usage.
/// </summary>
public static class LedgerCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var action = args.FirstOrDefault(a => !a.StartsWith('-'));
        if (action != "verify")
        {
            error.WriteLine("usage: commerce ledger verify [--json] [--Store:Provider sqlite|postgres --Store:ConnectionString ...]");
            return 2;
        }
        var json = args.Contains("--json");
        var settings = args.Where(a => a != action && a != "--json").ToArray();
        await using var app = CommerceApp.Build(settings);
        var store = app.Services.GetRequiredService<IGrainStore>();
        await store.InitializeAsync(CancellationToken.None);
        var result = await LedgerVerifier.VerifyAsync(store, CancellationToken.None);
        var head = HexString.Encode(result.HeadHash);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["intact"] = result.Intact,
                ["entries"] = result.Entries,
                ["headSeq"] = result.HeadSeq,
                ["headHash"] = head,
                ["brokenAt"] = result.BrokenAt,
                ["problem"] = result.Problem,
            }));
        }
        else if (result.Intact)
        {
            output.WriteLine($"ledger intact: {result.Entries} entries, head #{result.HeadSeq} {head}");
        }
        else
        {
            output.WriteLine($"ledger BROKEN at entry {result.BrokenAt}: {result.Problem}");
            output.WriteLine($"the {result.Entries} entries before it are intact; last good hash #{result.HeadSeq} {head}");
        }
        return result.Intact ? 0 : 1;
    }
}
