namespace Commerce.Actors.Runtime;

/// <summary>
/// A grain fed by a Kafka topic whose record keys are its keys (decision D2). The ingress calls it once per key and
/// batch; when the call returns, the records are applied and stored (a redelivered one changed nothing).
/// </summary>
public interface IIngressGrain : IGrainWithStringKey
{
    Task ApplyAsync(IngressBatch batch);
}
