using System.Net;
using System.Net.Sockets;
using Commerce.Sdk;
using Commerce.Sdk.Tests.Support;

namespace Commerce.Sdk.Tests.Client;

public sealed class CommerceClientTests : IAsyncLifetime
{
    private const string Address = "0x52908400098527886E0F7030069857D2E4169EE7";

    private CommerceTestServer _server = null!;

    public async Task InitializeAsync() => _server = await CommerceTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Sign_in_has_the_wallet_sign_the_server_challenge_and_keeps_the_token()
    {
        using var client = NewClient();
        var signer = new FakeWalletSigner(Address);

        var session = await client.SignInAsync(signer);

        var requests = _server.Requests.Snapshot();
        Assert.Equal("/api/auth/challenge", requests[0].Path);
        Assert.Equal("{\"address\":\"" + Address + "\"}", requests[0].Body);
        Assert.Single(signer.SignedMessages);
        Assert.Contains("Nonce: ", signer.SignedMessages[0]);
        Assert.Equal("/api/auth/sign-in", requests[1].Path);
        Assert.Contains(FakeWalletSigner.SignatureFor(Address, signer.SignedMessages[0]), requests[1].Body);
        Assert.Equal(Address.ToLowerInvariant(), session.PlayerId);
        Assert.StartsWith("tok-", session.Token);
        Assert.NotNull(session.ExpiresAt);
        Assert.Same(session, client.Session);
    }

    [Fact]
    public async Task Later_calls_carry_the_bearer_token()
    {
        using var client = NewClient();
        var session = await client.SignInAsync(new FakeWalletSigner(Address));

        await client.GetMyStateAsync();

        Assert.Equal("Bearer " + session.Token, _server.Requests.Snapshot().Last().Authorization);
    }

    [Fact]
    public async Task A_bad_signature_is_refused_naming_the_signature_and_leaves_the_client_signed_out()
    {
        using var client = NewClient();
        var signer = new FakeWalletSigner(Address) { OverrideSignature = "0x" + new string('0', 130) };

        var error = await Assert.ThrowsAsync<CommerceApiException>(() => client.SignInAsync(signer));

        Assert.Equal((CommerceErrorKind.Validation, 400), (error.Kind, error.StatusCode));
        Assert.Equal(["does not recover to " + Address], error.Errors["signature"]);
        Assert.False(client.IsSignedIn);
    }

    [Fact]
    public async Task Show_interest_posts_the_item_and_dwell_and_returns_the_event_id()
    {
        using var client = NewClient();
        await client.SignInAsync(new FakeWalletSigner(Address));

        var accepted = await client.ShowInterestAsync("dragons:42", 3.5);

        var request = _server.Requests.Snapshot().Last();
        Assert.Equal(("POST", "/api/me/interests"), (request.Method, request.Path));
        Assert.Equal("{\"itemId\":\"dragons:42\",\"dwellSeconds\":3.5}", request.Body);
        Assert.True(Guid.TryParse(accepted.EventId, out _), $"eventId '{accepted.EventId}' should be the server's GUID");
    }

    [Fact]
    public async Task Calls_before_sign_in_fail_without_reaching_the_server()
    {
        using var client = NewClient();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.ShowInterestAsync("dragons:42", 1));

        Assert.Contains("SignInAsync", error.Message);
        Assert.Equal(0, _server.Requests.Count);
    }

    [Fact]
    public async Task My_state_is_read_into_typed_fields_and_unknown_fields_are_kept()
    {
        using var client = SignedInClient();

        var state = await client.GetMyStateAsync();

        Assert.Equal(Address.ToLowerInvariant(), state.PlayerId);
        Assert.Equal(Address.ToLowerInvariant(), state.Wallet);
        Assert.Equal(("gold", 120.5m, 9L), (state.LoyaltyTier, state.LifetimeValue!.Value, state.InterestCount));
        var interest = Assert.Single(state.Interests);
        Assert.Equal(("dragons:42", 2L, 7.5), (interest.ItemId, interest.Count, interest.TotalDwellSeconds));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 5, 0, TimeSpan.Zero), interest.LastAt);
        Assert.Equal(("dragons:42", "buy", 0.82), (state.Intents[0].ItemId, state.Intents[0].Intent, state.Intents[0].Sentiment!.Value));
        Assert.Equal(("of-1", 12.50m, "USDC"), (state.Offers[0].OfferId, state.Offers[0].Price!.Value, state.Offers[0].Currency));
        Assert.Equal(("or-1", "Paid"), (state.Orders[0].OrderId, state.Orders[0].Status));
        Assert.Null(state.LastSeenAt);
        Assert.Equal(4, state.Json.GetInt64OrDefault("pushSeq"));
        Assert.Equal(3, state.Json["futureField"]["nested"].Items.Count);
    }

    [Fact]
    public async Task Item_state_is_read_and_the_id_is_escaped_in_the_path()
    {
        using var client = SignedInClient();

        var item = await client.GetItemAsync("dragons:42");

        Assert.Equal("/api/items/dragons%3A42", _server.Requests.Snapshot().Last().Path);
        Assert.Equal(("dragons:42", "dragons", "42", "legendary"), (item.ItemId, item.Collection, item.TokenId, item.Rarity));
        Assert.Equal((true, 3L, 10L), (item.Listed, item.Edition!.Value, item.Supply!.Value));
        Assert.Null(item.Owner);
        Assert.Equal((12.5m, 9.75m, "USDC"), (item.ListPrice!.Value, item.Floor!.Value, item.Currency));
        var bid = Assert.Single(item.Bids);
        Assert.Equal((8.00m, "opensea"), (bid.Amount!.Value, bid.Marketplace));
        Assert.Equal(17, item.InterestTotal);
        Assert.Equal("Available", item.Status);
        Assert.True(item.Json.GetBooleanOrDefault("unknownFlag"));
        Assert.Single(item.Json["interestByMinute"].Items);
    }

    [Fact]
    public async Task An_unlisted_item_is_NotFound_with_the_problem_title_and_detail()
    {
        using var client = SignedInClient();

        var error = await Assert.ThrowsAsync<CommerceApiException>(() => client.ShowInterestAsync("dragons:999", 2));

        Assert.Equal(CommerceErrorKind.NotFound, error.Kind);
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("Item not listed", error.Title);
        Assert.Equal("No listed item 'dragons:999'.", error.Detail);
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.5", error.ProblemType);
    }

    [Fact]
    public async Task A_server_validation_problem_names_the_field_at_fault()
    {
        using var client = SignedInClient();

        var error = await Assert.ThrowsAsync<CommerceApiException>(() => client.ShowInterestAsync("no-colon", 2));

        Assert.Equal(CommerceErrorKind.Validation, error.Kind);
        Assert.Equal("One or more validation errors occurred.", error.Title);
        Assert.Equal(["itemId must be \"collection:tokenId\"."], error.Errors["itemId"]);
        Assert.Equal(error.Errors["itemId"], error.Errors["ItemId"]);
        Assert.Contains("itemId: itemId must be", error.Message);
    }

    [Fact]
    public async Task An_oversized_body_is_PayloadTooLarge()
    {
        using var client = SignedInClient();

        var error = await Assert.ThrowsAsync<CommerceApiException>(
            () => client.ShowInterestAsync("dragons:" + new string('9', CommerceTestServer.MaxBodyBytes), 1));

        Assert.Equal(CommerceErrorKind.PayloadTooLarge, error.Kind);
        Assert.Equal(413, error.StatusCode);
    }

    [Fact]
    public async Task A_revoked_token_is_Unauthorized()
    {
        using var client = SignedInClient();
        _server.RevokeAllTokens();

        var error = await Assert.ThrowsAsync<CommerceApiException>(() => client.GetMyStateAsync());

        Assert.Equal(CommerceErrorKind.Unauthorized, error.Kind);
        Assert.Equal("Missing, bad or expired bearer token.", error.Detail);
    }

    [Fact]
    public async Task An_unreachable_server_is_a_Network_error()
    {
        using var client = new CommerceClient(new CommerceClientOptions { BaseUrl = new Uri($"http://127.0.0.1:{ClosedPort()}/") });

        var error = await Assert.ThrowsAsync<CommerceApiException>(() => client.SignInAsync(new FakeWalletSigner(Address)));

        Assert.Equal(CommerceErrorKind.Network, error.Kind);
        Assert.Null(error.StatusCode);
        Assert.True(error.IsTransient);
        Assert.Contains("/api/auth/challenge", error.Message);
    }

    [Fact]
    public async Task A_server_that_never_answers_is_a_Timeout()
    {
        _server.HangMe = true;
        using var client = SignedInClient(o => o.RequestTimeout = TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<CommerceApiException>(() => client.GetMyStateAsync());

        Assert.Equal(CommerceErrorKind.Timeout, error.Kind);
        Assert.Contains("00:00:00.3", error.Message);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_reported_as_a_timeout()
    {
        _server.HangMe = true;
        using var client = SignedInClient();
        using var cancel = new CancellationTokenSource();

        var call = client.GetMyStateAsync(cancel.Token);
        await _server.Requests.WaitForAsync(r => r.Any(x => x.Path == "/api/me"), "the GET /api/me request to arrive");
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(3600.5)]
    [InlineData(double.NaN)]
    public async Task A_dwell_outside_0_to_3600_seconds_is_refused_naming_the_argument(double dwell)
    {
        using var client = SignedInClient();

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.ShowInterestAsync("dragons:42", dwell));

        Assert.Equal("dwellSeconds", error.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task An_empty_item_id_is_refused_naming_the_argument(string itemId)
    {
        using var client = SignedInClient();

        Assert.Equal("itemId", (await Assert.ThrowsAsync<ArgumentException>(() => client.GetItemAsync(itemId))).ParamName);
    }

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Bad_options_are_refused_naming_the_option(string option, Action<CommerceClientOptions> spoil)
    {
        var options = new CommerceClientOptions { BaseUrl = new Uri("https://commerce.example/") };
        spoil(options);

        var error = Assert.Throws<ArgumentException>(() => new CommerceClient(options));

        Assert.Equal(option, error.ParamName);
    }

    public static TheoryData<string, Action<CommerceClientOptions>> BadOptions() => new()
    {
        { "BaseUrl", o => o.BaseUrl = null },
        { "BaseUrl", o => o.BaseUrl = new Uri("ftp://commerce.example/") },
        { "RequestTimeout", o => o.RequestTimeout = TimeSpan.Zero },
        { "ReconnectMinDelay", o => o.ReconnectMinDelay = TimeSpan.FromSeconds(-1) },
        { "ReconnectMaxDelay", o => o.ReconnectMaxDelay = TimeSpan.FromMilliseconds(100) },
        { "ReconnectJitter", o => o.ReconnectJitter = 1.0 },
        { "MaxPushMessageBytes", o => o.MaxPushMessageBytes = 10 },
    };

    private CommerceClient NewClient(Action<CommerceClientOptions>? configure = null)
    {
        var options = new CommerceClientOptions { BaseUrl = _server.BaseUrl };
        configure?.Invoke(options);
        return new CommerceClient(options);
    }

    private CommerceClient SignedInClient(Action<CommerceClientOptions>? configure = null)
    {
        var client = NewClient(configure);
        var playerId = Address.ToLowerInvariant();
        client.UseSession(new CommerceSession(_server.IssueToken(playerId), playerId, null));
        return client;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
