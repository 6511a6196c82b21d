using System;

namespace NanoFleet.Station.Dashboard
{
    /// <summary>What a dashboard serves and where; built by `nanofleet station dashboard`, `station run --dashboard` or a test.</summary>
    public sealed class DashboardOptions
    {
        /// <summary>Where to listen.</summary>
        public ListenAddress Listen { get; init; } = ListenAddress.Parse(ListenAddress.Default);

        /// <summary>Serve on an address other machines can reach (refused otherwise).</summary>
        public bool AllowRemote { get; init; }

        /// <summary>How far back the shift's counts reach.</summary>
        public TimeSpan Shift { get; init; } = TimeSpan.FromHours(8);

        /// <summary>
        /// How often the store is polled. Half a second keeps progress bars smooth; a tick is two small
        /// queries (see <see cref="Snapshot.StorePoller"/>).
        /// </summary>
        public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);
    }
}
