using System;
using System.Data.Common;
using System.Threading;
using NanoFleet.Station.Records;

namespace NanoFleet.Station.Batch
{
    /// <summary>
    /// Renews a station run's lease on a timer, over its own connection (a store instance is one
    /// connection, used by one thread). A failed renewal is retried on a fresh connection at the next
    /// tick: a short outage must not end a live station's lease.
    /// </summary>
    internal sealed class RunHeartbeat : IDisposable
    {
        private readonly Func<IRecordStore> _open;
        private readonly long _runId;
        private readonly Timer _timer;
        private readonly object _gate = new();
        private IRecordStore? _store;
        private bool _disposed;

        public RunHeartbeat(Func<IRecordStore> open, long runId, TimeSpan interval)
        {
            _open = open;
            _runId = runId;
            _timer = new Timer(_ => Beat(), null, interval, interval);
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _disposed = true;
                _timer.Dispose();
                _store?.Dispose();
            }
        }

        private void Beat()
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                try
                {
                    _store ??= _open();
                    _store.Heartbeat(_runId);
                }
                catch (DbException)
                {
                    _store?.Dispose();
                    _store = null;
                }
            }
        }
    }
}
