using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PrecisionCloud.Resources.OpenStack.Client;
using PrecisionCloud.Resources.OpenStack.Tests.Fakes;

namespace PrecisionCloud.Resources.OpenStack.Tests.Client;

public sealed class KeystoneSessionTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_token_is_reused_until_the_refresh_margin_and_renewed_after_it()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var cloud = new FakeOpenStack { Time = time, TokenLifetime = TimeSpan.FromHours(1) };
        var session = Session(cloud, time, new OpenStackClientOptions { TokenRefreshMargin = TimeSpan.FromMinutes(5) });

        var first = await session.GetAccessAsync(None);
        time.Advance(TimeSpan.FromMinutes(54));
        Assert.Same(first, await session.GetAccessAsync(None));
        Assert.Equal(1, cloud.Authentications);

        // Within the margin the valid token still answers at once while one renewal runs.
        time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Same(first, await session.GetAccessAsync(None));
        var second = await RenewedAsync(session, first);

        Assert.NotEqual(first.Token, second.Token);
        Assert.Equal(2, cloud.Authentications);
        Assert.Equal(("u1", "p1"), (second.UserId, second.ProjectId));
        Assert.True(second.Catalog.Has("block-storage"));
    }

    [Fact]
    public async Task A_short_lived_token_is_renewed_at_half_its_life()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var cloud = new FakeOpenStack { Time = time, TokenLifetime = TimeSpan.FromMinutes(2) };
        var session = Session(cloud, time, new OpenStackClientOptions { TokenRefreshMargin = TimeSpan.FromMinutes(5) });

        var first = await session.GetAccessAsync(None);
        time.Advance(TimeSpan.FromSeconds(59));
        await session.GetAccessAsync(None);
        Assert.Equal(1, cloud.Authentications);
        time.Advance(TimeSpan.FromSeconds(2));
        await session.GetAccessAsync(None);
        Assert.NotSame(first, await RenewedAsync(session, first));
    }

    [Fact]
    public async Task A_slow_keystone_never_stalls_requests_while_the_token_is_valid()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var cloud = new FakeOpenStack { Time = time, TokenLifetime = TimeSpan.FromMinutes(30) };
        var session = Session(cloud, time, new OpenStackClientOptions { TokenRefreshMargin = TimeSpan.FromMinutes(5) });
        var first = await session.GetAccessAsync(None);
        cloud.AuthenticationDelay = TimeSpan.FromSeconds(2);
        time.Advance(TimeSpan.FromMinutes(26));

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => session.GetAccessAsync(None).AsTask()));

        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(1));
        Assert.All(answers, a => Assert.Same(first, a));
        Assert.NotSame(first, await RenewedAsync(session, first));
        Assert.Equal(2, cloud.Authentications);
    }

    [Fact]
    public async Task A_keystone_that_does_not_answer_is_an_openstack_error_not_a_cancellation()
    {
        using var cloud = new FakeOpenStack { AuthenticationDelay = TimeSpan.FromSeconds(10) };
        var session = Session(cloud, TimeProvider.System, new OpenStackClientOptions { RequestTimeout = TimeSpan.FromSeconds(1) });

        var error = await Assert.ThrowsAsync<OpenStackException>(() => session.GetAccessAsync(None).AsTask());

        Assert.Contains("no answer within 1 s", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Waits for the background renewal to replace a token.</summary>
    private static async Task<KeystoneAccess> RenewedAsync(KeystoneSession session, KeystoneAccess old)
    {
        for (var i = 0; i < 200; i++)
        {
            var access = await session.GetAccessAsync(None);
            if (!ReferenceEquals(access, old))
            {
                return access;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("the token was not renewed");
    }

    [Fact]
    public async Task Many_callers_that_need_a_token_at_once_share_one_authentication()
    {
        using var cloud = new FakeOpenStack { AuthenticationDelay = TimeSpan.FromMilliseconds(200) };
        var session = Session(cloud, TimeProvider.System, new OpenStackClientOptions());

        var tokens = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(async () => await session.GetAccessAsync(None))));

        Assert.Equal(1, cloud.Authentications);
        Assert.Single(tokens.Select(t => t.Token).Distinct());
    }

    [Fact]
    public async Task Concurrent_refusals_of_one_token_cause_one_new_authentication()
    {
        using var cloud = new FakeOpenStack();
        cloud.Service = request => request.Headers.GetValues("X-Auth-Token").Single() == "token-1"
            ? FakeOpenStack.Json(HttpStatusCode.Unauthorized, """{"error": {"code": 401, "message": "The token is expired", "title": "Unauthorized"}}""")
            : FakeOpenStack.Json(HttpStatusCode.OK, """{"server": {"id": "s1", "status": "ACTIVE"}}""");
        using var http = new HttpClient(cloud);
        using var client = new OpenStackClient(Cloud(), new OpenStackClientOptions(), http: http);
        await client.Session.GetAccessAsync(None);

        var servers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.Compute.GetServerAsync("s1", None)));

        Assert.All(servers, s => Assert.Equal("ACTIVE", s!.Status));
        Assert.Equal(2, cloud.Authentications);
    }

    [Fact]
    public async Task A_failed_renewal_keeps_the_current_token_until_it_expires_then_fails_with_keystones_message()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var cloud = new FakeOpenStack { Time = time, TokenLifetime = TimeSpan.FromMinutes(30) };
        var session = Session(cloud, time, new OpenStackClientOptions { TokenRefreshMargin = TimeSpan.FromMinutes(5) });
        var first = await session.GetAccessAsync(None);

        cloud.AuthenticationFailure = HttpStatusCode.Unauthorized;
        time.Advance(TimeSpan.FromMinutes(26));
        Assert.Same(first, await session.GetAccessAsync(None));
        await Task.Delay(100);
        Assert.Same(first, await session.GetAccessAsync(None));
        time.Advance(TimeSpan.FromMinutes(5));
        var refused = await Assert.ThrowsAsync<OpenStackUnauthorizedException>(() => session.GetAccessAsync(None).AsTask());

        Assert.Equal(("identity", 401, "req-fake"), (refused.Service, refused.StatusCode, refused.RequestId));
        Assert.Contains("requires authentication", refused.FaultMessage, StringComparison.Ordinal);
        cloud.AuthenticationFailure = null;
        Assert.NotSame(first, await session.GetAccessAsync(None));
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_cancel_the_authentication_others_wait_for()
    {
        using var cloud = new FakeOpenStack { AuthenticationDelay = TimeSpan.FromMilliseconds(300) };
        var session = Session(cloud, TimeProvider.System, new OpenStackClientOptions());
        using var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var patient = session.GetAccessAsync(None).AsTask();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.GetAccessAsync(impatient.Token).AsTask());

        Assert.Equal("token-1", (await patient).Token);
        Assert.Equal(1, cloud.Authentications);
    }

    [Fact]
    public void The_authentication_body_follows_the_credentials_and_scope()
    {
        var byName = JsonNode.Parse(KeystoneSession.AuthenticationBody(new OpenStackCloudOptions
        {
            AuthUrl = FakeOpenStack.AuthUrl,
            Username = "alice",
            Password = "s3cret",
            UserDomainName = "Users",
            ProjectName = "web",
            ProjectDomainId = "d42",
        }).ToJsonString())!["auth"]!;
        Assert.Equal("password", byName["identity"]!["methods"]![0]!.GetValue<string>());
        Assert.Equal(("alice", "Users", "s3cret"), (byName["identity"]!["password"]!["user"]!["name"]!.GetValue<string>(), byName["identity"]!["password"]!["user"]!["domain"]!["name"]!.GetValue<string>(), byName["identity"]!["password"]!["user"]!["password"]!.GetValue<string>()));
        Assert.Equal(("web", "d42"), (byName["scope"]!["project"]!["name"]!.GetValue<string>(), byName["scope"]!["project"]!["domain"]!["id"]!.GetValue<string>()));

        var domainScoped = KeystoneSession.AuthenticationBody(new OpenStackCloudOptions { AuthUrl = FakeOpenStack.AuthUrl, UserId = "u1", Password = "p", DomainName = "Default" })["auth"]!;
        Assert.Equal(("u1", "Default"), (domainScoped["identity"]!["password"]!["user"]!["id"]!.GetValue<string>(), domainScoped["scope"]!["domain"]!["name"]!.GetValue<string>()));

        var credential = KeystoneSession.AuthenticationBody(new OpenStackCloudOptions { AuthUrl = FakeOpenStack.AuthUrl, ApplicationCredentialId = "ac1", ApplicationCredentialSecret = "x", ProjectName = "ignored" })["auth"]!;
        Assert.Equal("application_credential", credential["identity"]!["methods"]![0]!.GetValue<string>());
        Assert.Equal(("ac1", "x"), (credential["identity"]!["application_credential"]!["id"]!.GetValue<string>(), credential["identity"]!["application_credential"]!["secret"]!.GetValue<string>()));
        Assert.Null(credential["scope"]);

        var credentialByName = KeystoneSession.AuthenticationBody(new OpenStackCloudOptions { AuthUrl = FakeOpenStack.AuthUrl, ApplicationCredentialName = "ci", ApplicationCredentialSecret = "x", Username = "bob" })["auth"]!;
        Assert.Equal(("ci", "bob", "Default"), (credentialByName["identity"]!["application_credential"]!["name"]!.GetValue<string>(),
            credentialByName["identity"]!["application_credential"]!["user"]!["name"]!.GetValue<string>(), credentialByName["identity"]!["application_credential"]!["user"]!["domain"]!["name"]!.GetValue<string>()));
    }

    [Fact]
    public void Options_that_cannot_authenticate_are_refused_with_what_is_missing()
    {
        using var cloud = new FakeOpenStack();
        using var http = new HttpClient(cloud);
        var error = Assert.Throws<OpenStackException>(() => new KeystoneSession(http, new OpenStackCloudOptions { AuthUrl = FakeOpenStack.AuthUrl, Username = "alice" }, new OpenStackClientOptions(), TimeProvider.System, NullLogger.Instance));
        Assert.Contains("Password", error.Message, StringComparison.Ordinal);
        Assert.Contains("AuthUrl", new OpenStackCloudOptions { AuthUrl = "keystone:5000" }.Validate(), StringComparison.Ordinal);
        Assert.Contains("Interface", new OpenStackCloudOptions { AuthUrl = FakeOpenStack.AuthUrl, Password = "p", Username = "u", Interface = "private" }.Validate(), StringComparison.Ordinal);
    }

    internal static OpenStackCloudOptions Cloud() => new() { AuthUrl = FakeOpenStack.AuthUrl, Username = "admin", Password = "hunter2-secret", ProjectName = "admin" };

    private static KeystoneSession Session(FakeOpenStack cloud, TimeProvider time, OpenStackClientOptions options) =>
#pragma warning disable CA2000 // The handler is the test's; the client needs no disposal of its own here.
        new(new HttpClient(cloud, disposeHandler: false), Cloud(), options, time, NullLogger.Instance);
#pragma warning restore CA2000
}
