using System.Security.Claims;
using Commerce.Actors.NftItem;
using Commerce.Actors.Runtime;
using Commerce.Events.Items;
using Commerce.Host.Problems;

namespace Commerce.Host.Operators;

/// <summary>
/// POST /api/admin/items/{itemId}/delist and PATCH /api/admin/items/{itemId}: operators change the catalog entry through
/// the item grain, which refuses a delist while an order or an auction holds the item (409 naming the reason) and keeps
/// every change (who, when, what). 404 for an item never listed, the same answer as the players' "not listed".
/// </summary>
internal static partial class ItemChanges
{
    public const int MaxReason = 500;
    public const int MaxRarity = 32;

    public static async Task<IResult> DelistAsync(string itemId, DelistItemRequest? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!ItemId().IsMatch(itemId))
            return Problem.Field("itemId", "must be an item id: collection:tokenId (lowercase letters, digits and dashes)");
        if (string.IsNullOrWhiteSpace(body?.Reason) || body.Reason.Trim().Length > MaxReason)
            return Problem.Field("reason", $"is required: why the item leaves the catalog (at most {MaxReason} characters), kept in its audit");
        var item = grains.GetGrain<INftItemGrain>(itemId);
        return await AnswerAsync(itemId, item, await item.DelistAsync(new ItemDelisted(itemId, OperatorsApi.Who(user), body.Reason.Trim())));
    }

    public static async Task<IResult> EditAsync(string itemId, EditItemRequest? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!ItemId().IsMatch(itemId))
            return Problem.Field("itemId", "must be an item id: collection:tokenId (lowercase letters, digits and dashes)");
        if (body is null || (body.ListPrice is null && body.Rarity is null))
            return Problem.Field("listPrice", "listPrice or rarity is required: what the catalog owns and an operator may change");
        if (body.ListPrice is < 0)
            return Problem.Field("listPrice", "must be zero or more");
        if (body.Rarity is { } rarity && (string.IsNullOrWhiteSpace(rarity) || rarity.Length > MaxRarity || !Rarity().IsMatch(rarity)))
            return Problem.Field("rarity", $"must be a rarity word (lowercase letters, at most {MaxRarity}: common, rare, epic, legendary, mythic)");
        var item = grains.GetGrain<INftItemGrain>(itemId);
        return await AnswerAsync(itemId, item, await item.EditAsync(new ItemEdited(itemId, OperatorsApi.Who(user), body.ListPrice, body.Rarity)));
    }

    private static async Task<IResult> AnswerAsync(string itemId, INftItemGrain item, Replies answer) => answer.Events.Single().Payload switch
    {
        ItemChangeRefused { Reason: NftItemGrain.NotListed } => Problem.NotFound($"item {itemId} is not listed"),
        ItemChangeRefused r => Problem.Conflict("The item cannot be changed", "itemId", r.Reason),
        ItemDelisted or ItemEdited => TypedResults.Ok(ItemChangeView.Of(await item.GetStateAsync())),
        var other => throw new InvalidOperationException($"an item change was answered {other.GetType().Name}"),
    };

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}:[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial System.Text.RegularExpressions.Regex ItemId();

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z][a-z-]*$")]
    private static partial System.Text.RegularExpressions.Regex Rarity();
}
