using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using NanoFleet.Station.Records;

namespace NanoFleet.Station.Dashboard.Snapshot
{
    /// <summary>
    /// The dashboard's only reader of the record store: polls it, builds the snapshot, and hands each
    /// changed snapshot to every watcher (one per open page). A tick costs two small queries, the live
    /// ports and the newest rows; the full read of every record that the shift summary needs runs only
    /// when those newest rows changed (a device began or ended) or when <see cref="FullRefresh"/> passed
    /// (rows changed further back, e.g. another station marking its interrupted devices, and the shift's
    /// window sliding). The store is one connection, so every read takes one lock. A read that fails
    /// (the database restarted, the connection dropped) closes the store; the next read opens it again,
    /// so a wall screen recovers by itself.
    /// </summary>
    public sealed class StorePoller : IDisposable
    {
        /// <summary>How often the summary is rebuilt even when the newest rows look unchanged.</summary>
        public static readonly TimeSpan FullRefresh = TimeSpan.FromSeconds(30);

        private const int MinChangeWindow = 64;

        private readonly Func<IRecordStore> _open;
        private IRecordStore? _store;
        private bool _disposed;
        private readonly TimeSpan _shift;
        private readonly TimeProvider _time;
        private readonly object _storeLock = new();
        private readonly object _watchersLock = new();
        private readonly List<Channel<DashboardSnapshot>> _watchers = new();
        private readonly CancellationTokenSource _stop = new();
        private IReadOnlyList<PortView> _ports = Array.Empty<PortView>();
        private IReadOnlyList<DeviceRecord> _newest = Array.Empty<DeviceRecord>();
        private DateTimeOffset _summaryBuiltUtc;
        private long _version;
        private Task? _loop;

        /// <summary>Opens the store and reads it once, so <see cref="Current"/> is ready.</summary>
        /// <exception cref="Exception">The store cannot be opened at all: the caller's error, not a page's banner.</exception>
        public StorePoller(Func<IRecordStore> open, TimeSpan shift, TimeProvider? time = null)
        {
            _open = open ?? throw new ArgumentNullException(nameof(open));
            _store = open();
            _shift = shift;
            _time = time ?? TimeProvider.System;
            DateTimeOffset now = _time.GetUtcNow();
            Current = new DashboardSnapshot(now, _ports, ShiftSummaryBuilder.Build(Array.Empty<DeviceRecord>(), now, shift, 0), "");
            Poll();
        }

        /// <summary>The latest snapshot.</summary>
        public DashboardSnapshot Current { get; private set; }

        /// <summary>Starts polling every <paramref name="interval"/> on a background task.</summary>
        public void Start(TimeSpan interval)
        {
            _loop = Task.Run(async () =>
            {
                using var timer = new PeriodicTimer(interval, _time);
                while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
                {
                    Poll();
                }
            });
        }

        /// <summary>Runs a query on the store under the poller's lock (for the device table).</summary>
        /// <exception cref="Exception">Whatever the store threw; the store is closed and opened again by the next read.</exception>
        public T Read<T>(Func<IRecordStore, T> query)
        {
            ArgumentNullException.ThrowIfNull(query);
            lock (_storeLock)
            {
                // A request still in flight while the server stops must not open a store nobody closes.
                ObjectDisposedException.ThrowIf(_disposed, this);
                _store ??= _open();
                try
                {
                    return query(_store);
                }
                catch
                {
                    _store.Dispose();
                    _store = null;
                    throw;
                }
            }
        }

        /// <summary>
        /// One poll: rebuilds what changed and, when anything did, publishes the new snapshot.
        /// A failing store keeps the last counts and says why, so the page shows the outage.
        /// </summary>
        /// <returns>Whether a new snapshot was published.</returns>
        public bool Poll()
        {
            DateTimeOffset now = _time.GetUtcNow();
            DashboardSnapshot next;
            try
            {
                next = Read(store => Refresh(store, now));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                string error = "record store: " + ex.Message.Replace('\n', ' ');
                if (error == Current.StoreError)
                {
                    return false;
                }

                next = Current with { GeneratedUtc = now, StoreError = error };
            }

            if (ReferenceEquals(next, Current))
            {
                return false;
            }

            Current = next;
            Publish(next);
            return true;
        }

        /// <summary>The snapshots as they change, starting with the current one, until <paramref name="cancel"/>.</summary>
        public async IAsyncEnumerable<DashboardSnapshot> Watch([EnumeratorCancellation] CancellationToken cancel = default)
        {
            // Only the newest snapshot matters to a page: a slow reader skips to it rather than queueing.
            var channel = Channel.CreateBounded<DashboardSnapshot>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
            lock (_watchersLock)
            {
                channel.Writer.TryWrite(Current);
                _watchers.Add(channel);
            }

            try
            {
                await foreach (DashboardSnapshot snapshot in channel.Reader.ReadAllAsync(cancel).ConfigureAwait(false))
                {
                    yield return snapshot;
                }
            }
            finally
            {
                lock (_watchersLock)
                {
                    _watchers.Remove(channel);
                }
            }
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            _stop.Cancel();
            try
            {
                _loop?.Wait();
            }
            catch (AggregateException ex) when (ex.InnerException is OperationCanceledException)
            {
            }

            lock (_watchersLock)
            {
                _watchers.ForEach(w => w.Writer.TryComplete());
            }

            lock (_storeLock)
            {
                _disposed = true;
                _store?.Dispose();
                _store = null;
            }

            _stop.Dispose();
        }

        private DashboardSnapshot Refresh(IRecordStore store, DateTimeOffset now)
        {
            IReadOnlyList<PortView> ports = store.LivePorts()
                .Select(p => new PortView(p.Station, p.Port, p.Chip, p.Mac, p.Serial, p.Step, p.Done, p.Total, p.LastError, p.UpdatedUtc))
                .ToList();
            // Every device that begins or ends rewrites one of the newest rows; the window is wide enough
            // to hold every port's current device twice over.
            IReadOnlyList<DeviceRecord> newest = store.Latest(Math.Max(MinChangeWindow, 2 * ports.Count));
            bool portsChanged = !ports.SequenceEqual(_ports);
            bool recordsChanged = !newest.SequenceEqual(_newest) || now - _summaryBuiltUtc >= FullRefresh;
            if (!portsChanged && !recordsChanged && Current.StoreError.Length == 0)
            {
                return Current;
            }

            ShiftSummary summary = Current.Summary;
            if (recordsChanged)
            {
                summary = ShiftSummaryBuilder.Build(store.All(), now, _shift, ++_version);
                _summaryBuiltUtc = now;
                _newest = newest;
            }

            _ports = ports;
            return new DashboardSnapshot(now, ports, summary, "");
        }

        private void Publish(DashboardSnapshot snapshot)
        {
            lock (_watchersLock)
            {
                _watchers.ForEach(w => w.Writer.TryWrite(snapshot));
            }
        }
    }
}
