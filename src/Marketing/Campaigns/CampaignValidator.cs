using System.Text.RegularExpressions;
using Commerce.Marketing.Rules;

namespace Commerce.Marketing.Campaigns;

/// <summary>Checks a campaign's id and definition; the first fault found names its field (camelCase, as the API's JSON).</summary>
public sealed partial class CampaignValidator(RuleCompiler rules)
{
    public const int MaxPerWalletLimit = 100;
    public const int MaxSupplyCap = 1_000_000;

    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    public CampaignAnswer? Check(CampaignDefinition? d)
    {
        if (d is null)
            return Bad("definition", "is required");
        if (string.IsNullOrWhiteSpace(d.Name) || d.Name.Length > 100)
            return Bad("name", "is required, at most 100 characters");
        if (d.Collection is null || !CollectionPattern().IsMatch(d.Collection))
            return Bad("collection", "is the collection's name: 1-64 letters, digits, '-' or '_'");
        if (d.Contract is null || !AddressPattern().IsMatch(d.Contract))
            return Bad("contract", "is the GameItem contract's address: 0x and 40 hex digits");
        if (d.ItemName is { Length: > 64 })
            return Bad("itemName", "is at most 64 characters");
        if (d.PerWalletLimit is < 1 or > MaxPerWalletLimit)
            return Bad("perWalletLimit", $"is 1 to {MaxPerWalletLimit} tokens");
        if (d.Quantity < 1 || d.Quantity > d.PerWalletLimit)
            return Bad("quantity", "is the tokens each wallet receives: at least 1, at most perWalletLimit");
        if (d.SupplyCap < d.Quantity || d.SupplyCap > MaxSupplyCap)
            return Bad("supplyCap", $"is the most tokens minted in all: at least quantity, at most {MaxSupplyCap}");
        if (d.GasBudget <= 0)
            return Bad("gasBudget", "is the most gas the campaign's mints may use: more than 0");
        if (d.StartsAt is { } from && d.EndsAt is { } until && until <= from)
            return Bad("endsAt", "must be after startsAt");
        var check = rules.Check(d.Rule);
        if (!check.IsValid)
        {
            var error = check.Errors[0];
            return CampaignAnswer.Refused(CampaignProblem.Invalid, "rule", error.ToString(), error.Position);
        }
        return null;
    }

    private static CampaignAnswer Bad(string field, string message) => CampaignAnswer.Refused(CampaignProblem.Invalid, field, $"{field} {message}");

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,47}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex CollectionPattern();

    [GeneratedRegex("^0x[0-9a-fA-F]{40}$")]
    private static partial Regex AddressPattern();
}
