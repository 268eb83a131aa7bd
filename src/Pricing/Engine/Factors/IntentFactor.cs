using Commerce.Pricing.Inputs;
using Commerce.Pricing.Policy;

namespace Commerce.Pricing.Engine.Factors;

/// <summary>Intent adjustment = adjustments[intent]; sentiment adjustment = sentimentWeight * sentiment (-1..1).</summary>
public static class IntentFactor
{
    public static int AdjustmentPpm(ChatIntent intent, IntentPolicy policy)
    {
        var index = (int)intent;
        return index >= 0 && index < policy.IntentPpm.Length ? policy.IntentPpm[index] : 0;
    }

    public static int SentimentPpm(int sentimentMilli, IntentPolicy policy) =>
        (int)((long)policy.SentimentPpm * Math.Clamp(sentimentMilli, -1000, 1000) / 1000);
}
