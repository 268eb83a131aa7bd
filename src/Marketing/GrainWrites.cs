namespace Commerce.Marketing;

/// <summary>How the marketing grains store: a write that fails lets the activation go (memory may be ahead of the store), so the next call reloads.</summary>
internal static class GrainWrites
{
    public static async Task WriteOrReloadAsync(Orleans.Core.IStorage state, Action letGo)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            letGo();
            throw;
        }
    }
}
