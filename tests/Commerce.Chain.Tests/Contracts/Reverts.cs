using Commerce.Chain.Contracts;

namespace Commerce.Chain.Tests.Contracts;

/// <summary>Asserts that a contract call reverts with a named custom error.</summary>
public static class Reverts
{
    public static async Task<ContractRevertException> WithAsync(string errorName, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<ContractRevertException>(call);
        Assert.True(error.ErrorName == errorName, $"expected the custom error {errorName}, got: {error.Message}");
        return error;
    }
}
