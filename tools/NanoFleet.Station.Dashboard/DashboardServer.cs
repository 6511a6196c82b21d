using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NanoFleet.Station.Dashboard.Http;
using NanoFleet.Station.Dashboard.Snapshot;
using NanoFleet.Station.Records;

namespace NanoFleet.Station.Dashboard
{
    /// <summary>
    /// A running dashboard: Kestrel on the listen address, read-only over the record store. Stop it by
    /// disposing it.
    /// </summary>
    public sealed class DashboardServer : IAsyncDisposable, IDisposable
    {
        private readonly WebApplication _app;

        private DashboardServer(WebApplication app, StorePoller poller, Uri url)
        {
            _app = app;
            Poller = poller;
            Url = url;
        }

        /// <summary>The page's address (with the real port when port 0 was asked for).</summary>
        public Uri Url { get; }

        /// <summary>Where the records are, for people ("sqlite:/path", "postgresql://host:port/db"; never a password).</summary>
        public string StoreDescription => Poller.Read(store => store.Describe());

        /// <summary>The store poller (tests and the benchmark poll it directly).</summary>
        public StorePoller Poller { get; }

        /// <summary>Whether <paramref name="options"/> listen where other machines can reach: a caller warns when so.</summary>
        public static bool IsRemote(DashboardOptions options) => !(options ?? throw new ArgumentNullException(nameof(options))).Listen.IsLoopback;

        /// <summary>
        /// Opens the store with <paramref name="open"/> (again whenever a read failed), starts polling it
        /// and starts listening.
        /// </summary>
        /// <exception cref="ArgumentException">A non-loopback address without <see cref="DashboardOptions.AllowRemote"/>.</exception>
        public static async Task<DashboardServer> StartAsync(Func<IRecordStore> open, DashboardOptions options, CancellationToken cancel = default)
        {
            ArgumentNullException.ThrowIfNull(open);
            ArgumentNullException.ThrowIfNull(options);
            if (IsRemote(options) && !options.AllowRemote)
            {
                throw new ArgumentException($"{options.Listen.Option} {options.Listen}: other machines can reach that address; " +
                    "add --allow-remote to serve the dashboard there, or listen on 127.0.0.1");
            }

            StorePoller? poller = null;
            WebApplication? app = null;
            try
            {
                poller = new StorePoller(open, options.Shift);
                app = Build(options, poller);
                await app.StartAsync(cancel).ConfigureAwait(false);
                poller.Start(options.PollInterval);
                return new DashboardServer(app, poller, BoundUrl(app, options.Listen));
            }
            catch
            {
                if (app is not null)
                {
                    await app.DisposeAsync().ConfigureAwait(false);
                }

                poller?.Dispose();
                throw;
            }
        }

        /// <inheritdoc/>
        public async ValueTask DisposeAsync()
        {
            // The poller first: it ends every open event stream, so Kestrel's stop need not wait them out.
            Poller.Dispose();
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        /// <summary>Stops it from synchronous code (`station run` is synchronous).</summary>
        public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

        private static WebApplication Build(DashboardOptions options, StorePoller poller)
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Array.Empty<string>(), ApplicationName = "nanofleet-dashboard" });
            // The station's own console shows progress; the dashboard writes nothing to it.
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(kestrel => kestrel.Listen(options.Listen.EndPoint));
            WebApplication app = builder.Build();
            DashboardEndpoints.Map(app, poller);
            return app;
        }

        private static Uri BoundUrl(WebApplication app, ListenAddress listen)
        {
            string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            int port = new Uri(bound).Port;
            // A wildcard address is not one a browser can open: show the loopback one of the same family.
            IPAddress shown = listen.EndPoint.Address.Equals(IPAddress.Any) ? IPAddress.Loopback
                : listen.EndPoint.Address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback : listen.EndPoint.Address;
            return new Uri($"http://{new IPEndPoint(shown, port)}/");
        }
    }
}
