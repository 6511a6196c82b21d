using System;
using System.Net.Http;
using System.Threading.Tasks;
using NanoFleet.Station.Records;

namespace NanoFleet.Station.Dashboard.Tests
{
    /// <summary>A dashboard served on a free loopback port over a real record store, polling fast for the tests.</summary>
    internal sealed class RunningDashboard : IAsyncDisposable
    {
        private RunningDashboard(DashboardServer server)
        {
            Server = server;
            Http = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(60) };
        }

        public DashboardServer Server { get; }

        public HttpClient Http { get; }

        /// <summary>Starts it; a test that polls by hand passes a <paramref name="pollInterval"/> longer than itself.</summary>
        public static async Task<RunningDashboard> StartAsync(string database, TimeSpan? pollInterval = null) =>
            new(await DashboardServer.StartAsync(() => RecordStores.Open(database), new DashboardOptions
            {
                Listen = ListenAddress.Parse("127.0.0.1:0"),
                PollInterval = pollInterval ?? TimeSpan.FromMilliseconds(100),
            }));

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Server.DisposeAsync();
        }
    }
}
