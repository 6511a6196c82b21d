using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using NanoFleet.Cloud.Options;

namespace NanoFleet.Cloud.Internal.Network
{
    /// <summary>One accepted TCP connection as the gate sees it. <see cref="Abort"/> closes its socket at once,
    /// whether or not anything is serving it yet, so a connection's descriptor never outlives its place at the gate.</summary>
    internal sealed class GatedConnection
    {
        private readonly CancellationTokenSource _abort = new();

        public GatedConnection(Socket socket, IPAddress address)
        {
            Socket = socket;
            Address = address;
        }

        public Socket Socket { get; }

        public IPAddress Address { get; }

        public CancellationToken Aborted => _abort.Token;

        internal LinkedListNode<GatedConnection>? Pending { get; set; }

        internal bool Counted { get; set; }

        public void AbortAfter(TimeSpan delay) => _abort.CancelAfter(delay);

        public void Abort()
        {
            try
            {
                // Reset rather than close: a closing socket would sit in TIME_WAIT for a minute, and under a flood those
                // pile up until the source address has no ports left to connect with, devices included.
                Socket.LingerState = new LingerOption(true, 0);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or SocketException)
            {
                // already closed
            }

            Socket.Dispose();
            try
            {
                _abort.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Evicted just as it closed by itself: gone either way.
            }
        }

        public void Dispose() => _abort.Dispose();
    }

    /// <summary>
    /// The connection caps, in total and per source address. A newcomer over a cap takes the place of a pending
    /// connection in the same scope (its address, or anywhere for the total), because an idle socket that never
    /// authenticated must not lock out a device about to: the oldest silent one (nothing sent yet: the idle flood),
    /// else the oldest that has started TLS. Only when every connection in scope is established is the newcomer
    /// refused. Established connections are never evicted.
    /// </summary>
    internal sealed class ConnectionGate
    {
        private readonly object _lock = new();
        private readonly NetworkLimits _limits;
        private readonly LinkedList<GatedConnection> _silent = new(); // pending, nothing received yet; oldest first
        private readonly LinkedList<GatedConnection> _speaking = new(); // pending, TLS under way; oldest first
        private readonly Dictionary<IPAddress, int> _perAddress = new();
        private int _total;

        public ConnectionGate(NetworkLimits limits)
        {
            _limits = limits;
        }

        public int Open
        {
            get
            {
                lock (_lock)
                {
                    return _total;
                }
            }
        }

        public int PendingCount
        {
            get
            {
                lock (_lock)
                {
                    return _silent.Count + _speaking.Count;
                }
            }
        }

        /// <summary>Admits <paramref name="socket"/> from <paramref name="address"/>, or returns null when it must be refused.
        /// <paramref name="evicted"/> is the pending connection that made room, already aborted.</summary>
        public GatedConnection? TryAdmit(Socket socket, IPAddress address, out GatedConnection? evicted)
        {
            evicted = null;
            var connection = new GatedConnection(socket, address);
            lock (_lock)
            {
                if (_perAddress.GetValueOrDefault(address) >= _limits.MaxConnectionsPerAddress)
                {
                    evicted = OldestPending(address);
                }
                else if (_total >= _limits.MaxConnections)
                {
                    evicted = OldestPending(null);
                }

                bool full = _perAddress.GetValueOrDefault(address) >= _limits.MaxConnectionsPerAddress || _total >= _limits.MaxConnections;
                if (full && evicted is null)
                {
                    return null;
                }

                if (evicted is not null)
                {
                    Uncount(evicted);
                }

                connection.Counted = true;
                connection.Pending = _silent.AddLast(connection);
                _perAddress[address] = _perAddress.GetValueOrDefault(address) + 1;
                _total++;
            }

            evicted?.Abort();
            return connection;
        }

        /// <summary>The connection's first bytes arrived: it is a TLS client, not an idle socket, and goes behind every
        /// silent one in the eviction order.</summary>
        public void MarkSpeaking(GatedConnection connection)
        {
            lock (_lock)
            {
                if (connection.Pending is { } node && node.List == _silent)
                {
                    _silent.Remove(node);
                    connection.Pending = _speaking.AddLast(connection);
                }
            }
        }

        /// <summary>The connection finished TLS and its first packet: from now on it cannot be evicted.
        /// False when it was already evicted or released.</summary>
        public bool Establish(GatedConnection connection)
        {
            lock (_lock)
            {
                if (connection.Pending is null || !connection.Counted)
                {
                    return false;
                }

                connection.Pending.List!.Remove(connection.Pending);
                connection.Pending = null;
                return true;
            }
        }

        /// <summary>The connection closed. Safe to call for an evicted one.</summary>
        public void Release(GatedConnection connection)
        {
            lock (_lock)
            {
                if (connection.Counted)
                {
                    Uncount(connection);
                }
            }
        }

        private GatedConnection? OldestPending(IPAddress? address) => OldestSilent(address) ?? Oldest(_speaking, address);

        /// <summary>The oldest connection in scope with nothing received. One whose first bytes are already waiting in
        /// the kernel is a TLS client the thread pool has not reached yet (under a flood it can lag): it moves to the
        /// speaking list instead of being evicted. At most a few are looked at per admission.</summary>
        private GatedConnection? OldestSilent(IPAddress? address)
        {
            const int MaxLooks = 16;
            int looks = 0;
            for (var node = _silent.First; node is not null && looks < MaxLooks;)
            {
                var next = node.Next;
                var candidate = node.Value;
                if (address is null || candidate.Address.Equals(address))
                {
                    looks++;
                    if (!HasBytesWaiting(candidate.Socket))
                    {
                        return candidate;
                    }

                    _silent.Remove(node);
                    candidate.Pending = _speaking.AddLast(candidate);
                }

                node = next;
            }

            return looks < MaxLooks ? null : Oldest(_silent, address);
        }

        private static bool HasBytesWaiting(Socket socket)
        {
            try
            {
                return socket.Available > 0;
            }
            catch (Exception ex) when (ex is ObjectDisposedException or SocketException)
            {
                return false; // closed already: as good as silent
            }
        }

        private static GatedConnection? Oldest(LinkedList<GatedConnection> list, IPAddress? address)
        {
            for (var node = list.First; node is not null; node = node.Next)
            {
                if (address is null || node.Value.Address.Equals(address))
                {
                    return node.Value;
                }
            }

            return null;
        }

        private void Uncount(GatedConnection connection)
        {
            if (connection.Pending is { } node)
            {
                node.List!.Remove(node);
                connection.Pending = null;
            }

            connection.Counted = false;
            _total--;
            if (--_perAddress[connection.Address] == 0)
            {
                _perAddress.Remove(connection.Address);
            }
        }
    }
}
