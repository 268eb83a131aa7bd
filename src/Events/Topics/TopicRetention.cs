namespace Commerce.Events.Topics;

/// <summary>How long a topic keeps records: a time window, or the latest record per key (compaction).</summary>
public enum TopicRetention
{
    /// <summary>Seven days: events that are replayed by grains and pricing.</summary>
    Week,
    /// <summary>One day: transient pushes to players.</summary>
    Day,
    /// <summary>The latest record per key is kept forever.</summary>
    Compacted,
    /// <summary>Kept until an operator deletes them.</summary>
    Forever,
}
