using System.Security.Cryptography;
using Commerce.Actors.Storage;
using Commerce.Host.Auth;
using Commerce.Host.Storage;
using Commerce.Messaging.Configuration;
using Commerce.Testing;
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
    public async Task A_revoked_admin_token_is_refused_by_every_instance_within_the_refresh()
    {
        var (first, second) = (Service(_new, revocations: Revocations()), Service(_new, revocations: Revocations()));
        var admin = first.Issue("ops", Roles.Admin);
        Assert.NotNull(await first.ValidateAsync(admin.Token));
        Assert.NotNull(await second.ValidateAsync(admin.Token));

        await Revocations().RevokeAsync(admin.TokenId, admin.ExpiresAt, CancellationToken.None); // an operator on a third instance
        _clock.Advance(Refresh);

        Assert.Null(await first.ValidateAsync(admin.Token));
        Assert.Null(await second.ValidateAsync(admin.Token));
    }

    [Fact]
    public async Task A_revoked_player_token_is_refused_by_every_instance_until_it_would_have_expired()
    {
        var (first, second) = (Service(_new, revocations: Revocations()), Service(_new, revocations: Revocations()));
        var player = first.Issue("0xabc", Roles.Player);
        var principal = await second.ValidateAsync(player.Token);
        Assert.NotNull(principal);

        await second.RevokeAsync(principal, CancellationToken.None);
        _clock.Advance(Refresh);

        Assert.Null(await first.ValidateAsync(player.Token));
        Assert.Null(await second.ValidateAsync(player.Token));
        Assert.NotNull(await first.ValidateAsync(first.Issue("0xabc", Roles.Player).Token));
    }

    /// <summary>
    /// Two hosts on one database (PostgreSQL, as two hosts share it; the SQLite file too): the host that revokes refuses
    /// at once; the other answers from memory until its refresh is due, and refuses from then on (docs/SECURITY.md).
    /// </summary>
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_token_revoked_on_one_host_is_refused_there_at_once_and_on_the_other_after_the_refresh(string provider)
    {
        await using var postgres = provider == "postgres" ? await TempPostgresDatabase.CreateAsync() : null;
        var connectionString = postgres?.ConnectionString ?? $"Data Source={Path.Combine(_directory, "commerce.db")}";
        var (revoking, other) = (Service(_new, revocations: Revocations(provider, connectionString)), Service(_new, revocations: Revocations(provider, connectionString)));
        var issued = revoking.Issue("0xabc", Roles.Player);
        Assert.NotNull(await revoking.ValidateAsync(issued.Token));
        Assert.NotNull(await other.ValidateAsync(issued.Token)); // each host has read the revocations once

        await revoking.RevokeAsync((await revoking.ValidateAsync(issued.Token))!, CancellationToken.None);

        Assert.Null(await revoking.ValidateAsync(issued.Token));
        _clock.Advance(Refresh - TimeSpan.FromSeconds(1));
        Assert.NotNull(await other.ValidateAsync(issued.Token)); // within the documented delay: still the last read's answer
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await other.ValidateAsync(issued.Token));
        Assert.Null(await revoking.ValidateAsync(issued.Token));

        // A second revocation is read too: only rows stamped since the newest seen are read, not only the first ones.
        var later = revoking.Issue("0xdef", Roles.Player);
        Assert.NotNull(await other.ValidateAsync(later.Token));
        await revoking.RevokeAsync((await revoking.ValidateAsync(later.Token))!, CancellationToken.None);
        _clock.Advance(Refresh);
        Assert.Null(await other.ValidateAsync(later.Token));
        Assert.Null(await other.ValidateAsync(issued.Token));
    }

    private static readonly TimeSpan Refresh = new AuthOptions().RevocationRefresh;

    private TokenService Service(string key, string? previous = null, RevokedTokens? revocations = null)
    {
        var options = Options.Create(new AuthOptions { SigningKey = key, PreviousSigningKeys = previous is null ? [] : [previous] });
        var keys = new AuthKeys(options, Options.Create(new KafkaOptions { BootstrapServers = "broker:9092" }));
        return new TokenService(keys, options, _clock, revocations ?? Revocations());
    }

    private RevokedTokens Revocations(string provider = "sqlite", string? connectionString = null) =>
        new(new HostDatabase(Options.Create(new StoreOptions { Provider = provider, ConnectionString = connectionString ?? $"Data Source={Path.Combine(_directory, "commerce.db")}" })),
            _clock, Options.Create(new AuthOptions()));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
