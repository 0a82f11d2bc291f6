using PrecisionCloud.Security.Tokens;

namespace PrecisionCloud.Security.Tests.Tokens;

public sealed class ClientRegistrationExportTests
{
    private static readonly AuthorizationServerOptions Options = new() { Issuer = "https://mep.edge-1", Audience = "https://mep.edge-1/mec" };

    [Fact]
    public void An_exported_registration_restored_in_another_server_accepts_the_same_secret_and_keeps_no_secret()
    {
        var keys = new TokenSigningKeys();
        var first = new AuthorizationServer(Options, keys);
        var secret = first.RegisterWithSecret(new OAuthClient { ClientId = "cam", Tenant = "operator", AppInstance = "app-1", Scopes = ["mec_app_support", "mec_location"] });

        var exported = first.ExportRegistration("cam")!;
        Assert.DoesNotContain(secret, exported, StringComparison.Ordinal);
        var second = new AuthorizationServer(Options, keys);
        second.Restore(exported);

        var granted = second.Grant(new TokenRequest("client_credentials", "cam", secret, null));
        Assert.NotNull(granted.AccessToken);
        Assert.Equal("mec_app_support mec_location", granted.Scope);
        Assert.Null(second.Grant(new TokenRequest("client_credentials", "cam", "wrong", null)).AccessToken);
        Assert.Null(first.ExportRegistration("nobody"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"clientId": "x"}""")]
    [InlineData("""{"clientId": "x", "tenant": "t", "scopes": []}""")]
    public void Text_that_is_not_a_registration_is_refused(string text)
    {
        var server = new AuthorizationServer(Options, new TokenSigningKeys());

        Assert.Throws<FormatException>(() => server.Restore(text));
    }
}
