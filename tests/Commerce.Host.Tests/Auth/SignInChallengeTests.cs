using System.Security.Cryptography;
using Commerce.Actors.Storage;
using Commerce.Chain.Crypto;
using Commerce.Chain.Signing;
using Commerce.Host.Auth;
using Commerce.Host.Storage;
using Microsoft.Extensions.Options;

namespace Commerce.Host.Tests.Auth;

/// <summary>Sign-In with Ethereum checked against the host's clock, with nonces consumed in the database (docs/SECURITY.md).</summary>
public sealed class SignInChallengeTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("commerce-siwe-").FullName;
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
    private readonly string _key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly EthPrivateKey _wallet = EthPrivateKey.Generate();

    [Fact]
    public async Task A_signed_challenge_signs_in_once_even_on_another_instance()
    {
        var (first, second) = (Instance(), Instance());
        var message = first.Issue(_wallet.Address);
        var signature = PersonalMessage.Sign(_wallet, message.Format());

        var accepted = await first.VerifyAsync(message.Format(), signature, CancellationToken.None);
        var replayed = await second.VerifyAsync(message.Format(), signature, CancellationToken.None);

        Assert.Equal(_wallet.Address, accepted.Signer);
        Assert.Null(replayed.Signer);
        Assert.Equal("message.nonce", replayed.Field);
    }

    [Fact]
    public async Task Concurrent_replays_of_one_challenge_sign_in_once()
    {
        var instances = Enumerable.Range(0, 6).Select(_ => Instance()).ToArray();
        var text = instances[0].Issue(_wallet.Address).Format();
        var signature = PersonalMessage.Sign(_wallet, text);

        var results = await Task.WhenAll(instances.Select(i => i.VerifyAsync(text, signature, CancellationToken.None)));

        Assert.Equal(1, results.Count(r => r.Signer is not null));
    }

    [Fact]
    public async Task A_challenge_is_refused_once_it_expired_by_the_hosts_clock()
    {
        var challenges = Instance();
        var text = challenges.Issue(_wallet.Address).Format();
        _clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        var result = await challenges.VerifyAsync(text, PersonalMessage.Sign(_wallet, text), CancellationToken.None);

        Assert.Null(result.Signer);
        Assert.Equal("message.expirationTime", result.Field);
    }

    [Theory]
    [InlineData("message.expirationTime")]
    [InlineData("message.notBefore")]
    [InlineData("message.issuedAt")]
    [InlineData("message.domain")]
    [InlineData("message.uri")]
    [InlineData("message.chainId")]
    public async Task A_message_altered_by_the_client_is_refused_naming_the_field(string field)
    {
        var challenges = Instance();
        var issued = challenges.Issue(_wallet.Address);
        var now = _clock.GetUtcNow();
        var altered = field switch
        {
            "message.expirationTime" => issued with { ExpirationTime = now - TimeSpan.FromSeconds(1) },
            "message.notBefore" => issued with { NotBefore = now + TimeSpan.FromMinutes(2) },
            "message.issuedAt" => issued with { IssuedAt = now + TimeSpan.FromMinutes(2) },
            "message.domain" => issued with { Domain = "evil.example" },
            "message.uri" => issued with { Uri = "https://evil.example" },
            _ => issued with { ChainId = 1 },
        };
        var text = altered.Format();

        var result = await challenges.VerifyAsync(text, PersonalMessage.Sign(_wallet, text), CancellationToken.None);

        Assert.Null(result.Signer);
        Assert.Equal(field, result.Field);
        // The genuine message still works: only the altered field was at fault, and the refusal did not use the nonce.
        var genuine = issued.Format();
        Assert.Equal(_wallet.Address, (await challenges.VerifyAsync(genuine, PersonalMessage.Sign(_wallet, genuine), CancellationToken.None)).Signer);
    }

    [Fact]
    public async Task A_message_not_yet_valid_is_accepted_once_the_clock_reaches_not_before()
    {
        var challenges = Instance();
        var now = _clock.GetUtcNow();
        var text = (challenges.Issue(_wallet.Address) with { NotBefore = now + TimeSpan.FromMinutes(2) }).Format();
        var signature = PersonalMessage.Sign(_wallet, text);
        Assert.Equal("message.notBefore", (await challenges.VerifyAsync(text, signature, CancellationToken.None)).Field);

        _clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(_wallet.Address, (await challenges.VerifyAsync(text, signature, CancellationToken.None)).Signer);
    }

    /// <summary>A host instance's sign-in: its own objects, the shared key and database.</summary>
    private SignInChallenges Instance()
    {
        var options = Options.Create(new AuthOptions { SigningKey = _key });
        var database = new HostDatabase(Options.Create(new StoreOptions { ConnectionString = $"Data Source={Path.Combine(_directory, "commerce.db")}" }));
        var keys = new AuthKeys(options, Options.Create(new Commerce.Messaging.Configuration.KafkaOptions { BootstrapServers = "broker:9092" }));
        return new SignInChallenges(keys, options, _clock, new UsedNonces(database, _clock));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}
