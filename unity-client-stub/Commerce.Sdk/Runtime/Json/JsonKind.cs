namespace Commerce.Sdk
{
    /// <summary>The kind of a parsed JSON value.</summary>
    public enum JsonKind
    {
        Null,
        Boolean,
        Number,
        String,
        Array,
        Object,
    }
}
