using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace NanoFleet.Tests.Shared
{
    /// <summary>
    /// The unauthenticated flood: a fixed number of TCP sockets to 127.0.0.1 that never start TLS, each reopened
    /// as soon as the server closes it, until disposed. Loopback only, by construction. Shared (linked) by the
    /// cloud load test and the `cloud-flood` bench.
    /// </summary>
    internal sealed class IdleSocketFlood : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task[] _workers;
        private long _opened;
        private long _closedByServer;
        private long _failed;
        private int _open;

        private IdleSocketFlood(int port, int sockets)
        {
            var endpoint = new IPEndPoint(IPAddress.Loopback, port);
            _workers = Enumerable.Range(0, sockets).Select(_ => Task.Run(() => HoldAsync(endpoint, _stop.Token))).ToArray();
        }

        /// <summary>Connections made so far.</summary>
        public long Opened => Interlocked.Read(ref _opened);

        /// <summary>Connections the server closed (deadline or eviction).</summary>
        public long ClosedByServer => Interlocked.Read(ref _closedByServer);

        /// <summary>Connection attempts that failed (refused, or the backlog full).</summary>
        public long Failed => Interlocked.Read(ref _failed);

        /// <summary>Sockets connected right now.</summary>
        public int Open => Volatile.Read(ref _open);

        public static IdleSocketFlood Start(int port, int sockets) => new(port, sockets);

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            await Task.WhenAll(_workers);
            _stop.Dispose();
        }

        private async Task HoldAsync(IPEndPoint endpoint, CancellationToken stop)
        {
            var buffer = new byte[1];
            while (!stop.IsCancellationRequested)
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    await socket.ConnectAsync(endpoint, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (SocketException)
                {
                    Interlocked.Increment(ref _failed);
                    if (!await PauseAsync(stop))
                    {
                        return;
                    }

                    continue;
                }

                Interlocked.Increment(ref _opened);
                Interlocked.Increment(ref _open);
                try
                {
                    while (await socket.ReceiveAsync(buffer, SocketFlags.None, stop) > 0)
                    {
                    }
                }
                catch (SocketException)
                {
                    // reset by the server: closed all the same
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                finally
                {
                    Interlocked.Decrement(ref _open);
                }

                Interlocked.Increment(ref _closedByServer);
            }
        }

        private static async Task<bool> PauseAsync(CancellationToken stop)
        {
            try
            {
                await Task.Delay(20, stop);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
    }
}
