using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PrecisionCloud.Mec.Client;
using PrecisionCloud.Samples.MecApp;

// A MEC application on the PrecisionCloud client SDK: it registers with the platform, confirms ready, publishes a
// service with heartbeats, finds the other services, watches the zones of the location service (when offered),
// follows the services' changes, turns its traffic rules on, and when
// the platform terminates it, withdraws its service and confirms termination within the graceful timeout.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddMecClient();
builder.Services.AddSingleton<EchoApplication>();
using var host = builder.Build();
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

return await host.Services.GetRequiredService<EchoApplication>().RunAsync(builder.Configuration.GetSection("MecApp"), stop.Token);
