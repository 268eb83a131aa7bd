using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Commerce.Connectors.Crm.Local;

/// <summary>
/// A /meta/connect answer of the local CRM: the message array of the event deliveries (each serialized once, when its
/// change was made) and the connect reply, written straight to the response body's buffers, not copied into one array of
/// the whole answer first (megabytes per connect, a large-object allocation each).
/// </summary>
public sealed class LocalConnectAnswer(IReadOnlyList<byte[]> deliveries, byte[] reply) : IResult
{
    public long Length => 2 + reply.Length + deliveries.Sum(d => d.Length + 1L);

    /// <summary>The whole answer into <paramref name="writer"/> (<c>[delivery,delivery,...,reply]</c>).</summary>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        writer.Write("["u8);
        foreach (var delivery in deliveries)
        {
            writer.Write(delivery);
            writer.Write(","u8);
        }
        writer.Write(reply);
        writer.Write("]"u8);
    }

    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.ContentType = "application/json";
        http.Response.ContentLength = Length;
        WriteTo(http.Response.BodyWriter); // into Kestrel's pooled buffers, sent by the flush
        await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
    }
}
