using System.Numerics;

namespace Commerce.Execution.Gas;

/// <summary>The fees of one attempt (EIP-1559): the cap per gas and the priority fee within it.</summary>
public readonly record struct Fees(BigInteger MaxFeePerGas, BigInteger MaxPriorityFeePerGas);
