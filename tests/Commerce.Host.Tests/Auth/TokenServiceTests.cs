using System.Security.Cryptography;
using Commerce.Actors.Storage;
using Commerce.Host.Auth;
using Commerce.Host.Storage;
using Commerce.Messaging.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Commerce.Host.Tests.Auth;

/// <summary>Bearer tokens: a key id so keys rotate, staff tokens that last minutes and can be revoked (docs/SECURITY.md).</summary>
public sealed class TokenServiceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("commerce-tokens-").FullName;
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
    private readonly string _old = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly string _new = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task A_token_names_its_key_and_stays_valid_while_its_key_is_a_previous_one()
    {
        var issued = Service(_old).Issue("0xabc", Roles.Player);
        var kid = new JsonWebToken(issued.Token).Kid;

        Assert.Equal(AuthKey.From(Convert.FromBase64String(_old)).Id, kid);
        Assert.NotNull(await Service(_new, previous: _old).ValidateAsync(issued.Token));
        Assert.Null(await Service(_new).ValidateAsync(issued.Token));
        Assert.Equal(AuthKey.From(Convert.FromBase64String(_new)).Id, new JsonWebToken(Service(_new, previous: _old).Issue("0xabc", Roles.Player).Token).Kid);
    }

    [Fact]
    public void Tokens_and_nonces_are_signed_with_different_keys_neither_the_configured_secret()
    {
        var secret = Convert.FromBase64String(_new);
        var key = AuthKey.From(secret);

        Assert.NotEqual(key.TokenKey, key.NonceKey);
        Assert.NotEqual(secret, key.TokenKey);
        Assert.NotEqual(secret, key.NonceKey);
        Assert.DoesNotContain(_new, key.ToString());
    }

    [Fact]
    public async Task An_admin_token_expires_in_minutes_a_players_token_does_not()
    {
        var tokens = Service(_new);
        var admin = tokens.Issue("ops", Roles.Admin);
        var player = tokens.Issue("0xabc", Roles.Player);

        Assert.True(admin.ExpiresAt - _clock.GetUtcNow() <= TimeSpan.FromMinutes(15), $"an admin token lasts {admin.ExpiresAt - _clock.GetUtcNow()}");
        _clock.Advance(TimeSpan.FromMinutes(16));

        Assert.Null(await tokens.ValidateAsync(admin.Token));
        Assert.NotNull(await tokens.ValidateAsync(player.Token));
    }

    [Fact]
    public async Task A_revoked_admin_token_is_refused_by_every_instance()
    {
        var (first, second) = (Service(_new), Service(_new));
        var admin = first.Issue("ops", Roles.Admin);
        Assert.NotNull(await second.ValidateAsync(admin.Token));

        await Revocations().RevokeAsync(admin.TokenId, admin.ExpiresAt, CancellationToken.None);

        Assert.Null(await first.ValidateAsync(admin.Token));
        Assert.Null(await second.ValidateAsync(admin.Token));
    }

    [Fact]
    public async Task A_revoked_player_token_is_refused_by_every_instance_until_it_would_have_expired()
    {
        var (first, second) = (Service(_new), Service(_new));
        var player = first.Issue("0xabc", Roles.Player);
        var principal = await second.ValidateAsync(player.Token);
        Assert.NotNull(principal);

        await second.RevokeAsync(principal, CancellationToken.None);

        Assert.Null(await first.ValidateAsync(player.Token));
        Assert.Null(await second.ValidateAsync(player.Token));
        Assert.NotNull(await first.ValidateAsync(first.Issue("0xabc", Roles.Player).Token));
    }

    private TokenService Service(string key, string? previous = null)
    {
        var options = Options.Create(new AuthOptions { SigningKey = key, PreviousSigningKeys = previous is null ? [] : [previous] });
        var keys = new AuthKeys(options, Options.Create(new KafkaOptions { BootstrapServers = "broker:9092" }));
        return new TokenService(keys, options, _clock, Revocations());
    }

    private RevokedTokens Revocations() =>
        new(new HostDatabase(Options.Create(new StoreOptions { ConnectionString = $"Data Source={Path.Combine(_directory, "commerce.db")}" })), _clock);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
