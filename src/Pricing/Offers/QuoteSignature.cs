namespace Commerce.Pricing.Offers;

/// <summary>A signature over a <see cref="Quote"/>: the signer's address and the 65-byte r||s||v signature, both 0x-hex.</summary>
public sealed record QuoteSignature(string SignerAddress, string Signature);
