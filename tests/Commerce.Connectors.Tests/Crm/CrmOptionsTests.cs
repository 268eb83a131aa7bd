using Commerce.Connectors.Crm.Configuration;
using Commerce.Connectors.Ingestion;

namespace Commerce.Connectors.Tests.Crm;

public sealed class CrmOptionsTests
{
    [Fact]
    public void Live_mode_names_each_missing_setting()
    {
        var result = new CrmOptionsValidator().Validate(null, new CrmOptions { Mode = ConnectorMode.Live, LoginUrl = "ftp://x" });
        Assert.True(result.Failed);
        Assert.Contains("Crm:LoginUrl", result.FailureMessage);
        Assert.Contains("Crm:InstanceUrl", result.FailureMessage);
        Assert.Contains("Crm:ClientId", result.FailureMessage);
        Assert.Contains("Crm:ClientSecret", result.FailureMessage);
    }

    [Theory]
    [InlineData("Crm:ApiVersion")]
    [InlineData("Crm:TierField")]
    [InlineData("Crm:QueryBatchSize")]
    [InlineData("Crm:Ingestion:BatchSize")]
    public void A_bad_value_is_refused_by_its_key(string key)
    {
        var options = new CrmOptions();
        switch (key)
        {
            case "Crm:ApiVersion": options.ApiVersion = "latest"; break;
            case "Crm:TierField": options.TierField = "Tier; DROP"; break;
            case "Crm:QueryBatchSize": options.QueryBatchSize = 5; break;
            case "Crm:Ingestion:BatchSize": options.Ingestion.BatchSize = 0; break;
        }
        var result = new CrmOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage);
    }

    [Fact]
    public void The_local_default_is_valid() => Assert.True(new CrmOptionsValidator().Validate(null, new CrmOptions { Mode = ConnectorMode.Local }).Succeeded);
}
