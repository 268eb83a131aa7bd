namespace Commerce.Sdk
{
    /// <summary>The server accepted an interest (HTTP 202); <see cref="EventId"/> identifies the recorded event.</summary>
    public sealed record InterestAccepted(string EventId);
}
