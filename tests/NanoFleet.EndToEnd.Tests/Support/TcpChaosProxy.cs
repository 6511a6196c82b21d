using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace NanoFleet.EndToEnd.Tests.Support
{
    /// <summary>
    /// A TCP relay between devices and the emulator that can cut every connection on demand: a real
    /// network drop (RST) at whatever step a test chooses, TLS and all passing through untouched.
    /// </summary>
    public sealed class TcpChaosProxy : IAsyncDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly int _upstreamPort;
        private readonly object _gate = new object();
        private readonly List<TcpClient> _open = new List<TcpClient>();
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private int _cuts;
        private int _resetNext;
        private int _resets;

        public TcpChaosProxy(int upstreamPort)
        {
            _upstreamPort = upstreamPort;
            _listener.Start();
            _ = AcceptLoopAsync();
        }

        /// <summary>The port devices connect to.</summary>
        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        /// <summary>How many times connections were cut.</summary>
        public int Cuts => Volatile.Read(ref _cuts);

        /// <summary>How many incoming connections were reset on arrival.</summary>
        public int Resets => Volatile.Read(ref _resets);

        /// <summary>Resets the next <paramref name="count"/> incoming connections as soon as they arrive (a drop during connect).</summary>
        public void ResetNext(int count) => Volatile.Write(ref _resetNext, count);

        /// <summary>Resets every open connection now.</summary>
        public void CutAll()
        {
            lock (_gate)
            {
                foreach (var client in _open)
                {
                    try
                    {
                        // Null once the relay closed it itself; linger 0 makes the close an RST.
                        if (client.Client is { } socket)
                        {
                            socket.LingerState = new LingerOption(true, 0);
                        }

                        client.Close();
                    }
                    catch (Exception ex) when (ex is ObjectDisposedException or SocketException)
                    {
                    }
                }

                _open.Clear();
            }

            Interlocked.Increment(ref _cuts);
        }

        public ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _listener.Stop();
            CutAll();
            return ValueTask.CompletedTask;
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient downstream;
                try
                {
                    downstream = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    return;
                }

                if (Interlocked.Decrement(ref _resetNext) >= 0)
                {
                    downstream.Client.LingerState = new LingerOption(true, 0);
                    downstream.Close();
                    Interlocked.Increment(ref _resets);
                    continue;
                }

                Interlocked.Exchange(ref _resetNext, 0);
                _ = RelayAsync(downstream);
            }
        }

        private async Task RelayAsync(TcpClient downstream)
        {
            var upstream = new TcpClient();
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort, _stop.Token);
                lock (_gate)
                {
                    _open.Add(downstream);
                    _open.Add(upstream);
                }

                await Task.WhenAny(Pump(downstream, upstream), Pump(upstream, downstream));
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException or System.IO.IOException)
            {
            }
            finally
            {
                downstream.Close();
                upstream.Close();
                lock (_gate)
                {
                    _open.Remove(downstream);
                    _open.Remove(upstream);
                }
            }
        }

        private async Task Pump(TcpClient from, TcpClient to)
        {
            var buffer = new byte[16384];
            try
            {
                var source = from.GetStream();
                var target = to.GetStream();
                int read;
                while ((read = await source.ReadAsync(buffer, _stop.Token)) > 0)
                {
                    await target.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
                }
            }
            catch (Exception ex) when (ex is System.IO.IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
            }
        }
    }
}
