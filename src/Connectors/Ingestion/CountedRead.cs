namespace Commerce.Connectors.Ingestion;

/// <summary>A source read that tells <see cref="OpenReads"/> when its enumerator is handed out and when it is disposed.</summary>
internal sealed class CountedRead<T>(IAsyncEnumerable<T> read, OpenReads reads) : IAsyncEnumerable<T>
{
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var inner = read.GetAsyncEnumerator(cancellationToken);
        reads.Opened();
        return new Enumerator(inner, reads);
    }

    private sealed class Enumerator(IAsyncEnumerator<T> inner, OpenReads reads) : IAsyncEnumerator<T>
    {
        private int _disposed;

        public T Current => inner.Current;

        public ValueTask<bool> MoveNextAsync() => inner.MoveNextAsync();

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
                return;
            try
            {
                await inner.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                reads.Closed();
            }
        }
    }
}
