namespace Commerce.Connectors.Tests.Webhooks;

/// <summary>
/// The known-answer vector of the Standard Webhooks reference libraries' signing test
/// ("sign function works"): secret, message id, timestamp, body and the expected signature header.
/// The second row was computed with OpenSSL's HMAC-SHA256 (an independent implementation) over a
/// 32-byte key and a UTF-8 body with non-ASCII characters.
/// </summary>
public static class SpecVectors
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    public const string MessageId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    public const long Timestamp = 1614265330;
    public const string Body = "{\"test\": 2432232314}";
    public const string Signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    public static TheoryData<string, string, long, string, string> All => new()
    {
        { Secret, MessageId, Timestamp, Body, Signature },
        {
            "whsec_3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f", "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", 1674087231,
            "{\"type\":\"item.listed\",\"item\":{\"collection\":\"dragons\",\"tokenId\":\"7\"},\"note\":\"\u00e9\u2713\"}",
            "v1,wKvWn0j/IELwUejBdVs4F7Xiso1kj+eLHD2KuQ41MmU="
        },
    };
}
