namespace Commerce.Pricing.State;

internal sealed class CampaignState
{
    public bool Started { get; set; }

    public int DiscountPpm { get; set; }

    public long FromTicks { get; set; }

    public long UntilTicks { get; set; }

    public long EndedTicks { get; set; } = long.MaxValue;

    public long EffectiveEndTicks => Math.Min(UntilTicks, EndedTicks);

    public bool IsActiveAt(long ticks) => Started && FromTicks <= ticks && ticks < EffectiveEndTicks;
}
