using System.Net;
using System.Text;
using PrecisionCloud.Mec.Client.Notifications;

namespace PrecisionCloud.Mec.Client.Tests;

public sealed class NotificationListenerTests
{
    private const string Termination = """{"notificationType": "AppTerminationNotification", "operationAction": "STOPPING", "maxGracefulTimeout": 5, "_links": {"subscription": {"href": "http://mep/s/1"}}}""";

    [Fact]
    public async Task Mutated_notifications_get_204_or_400_and_only_whole_ones_reach_the_reader()
    {
        await using var listener = await MecNotificationListener.StartAsync(new Uri("http://127.0.0.1:0"), CancellationToken.None);
        using var http = new HttpClient();
        var valid = Encoding.UTF8.GetBytes(Termination);
        var random = new Random(99);
        var accepted = 0;
        for (var i = 0; i < 300; i++)
        {
            var body = (byte[])valid.Clone();
            for (var changes = random.Next(0, 4); changes > 0; changes--)
            {
                body[random.Next(body.Length)] = (byte)random.Next(256);
            }

            using var content = new ByteArrayContent(body);
            using var answer = await http.PostAsync(listener.TerminationCallback, content);
            Assert.True(answer.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.BadRequest, $"{answer.StatusCode} for {Encoding.UTF8.GetString(body)}");
            accepted += answer.StatusCode == HttpStatusCode.NoContent ? 1 : 0;
        }

        Assert.InRange(accepted, 1, 299);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var read = 0;
        await foreach (var notice in listener.TerminationsAsync(timeout.Token))
        {
            Assert.Equal("AppTerminationNotification", notice.NotificationType);
            if (++read == accepted)
            {
                break;
            }
        }

        Assert.Equal(accepted, read);
    }

    [Fact]
    public async Task The_callbacks_are_at_the_address_it_listens_on()
    {
        await using var listener = await MecNotificationListener.StartAsync(new Uri("http://127.0.0.1:0"), CancellationToken.None);

        Assert.NotEqual(0, listener.Address.Port);
        Assert.Equal(listener.Address.Port, listener.ServiceAvailabilityCallback.Port);
        Assert.EndsWith("/notifications/termination", listener.TerminationCallback.AbsolutePath, StringComparison.Ordinal);
    }
}
