using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace NanoFleet.Cloud.Internal
{
    /// <summary>An HTTP/1.1 request as the loopback server hands it over.</summary>
    internal sealed record HttpRequestData(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

    /// <summary>The handler's answer.</summary>
    internal sealed record HttpResponseData(int StatusCode, string Body, string ContentType = "application/json");

    /// <summary>
    /// A minimal HTTP/1.1 server on a loopback port (0 = free port), one request per connection. Enough for
    /// the admin endpoint and local hooks without ASP.NET; HttpListener cannot bind port 0.
    /// </summary>
    internal sealed class LoopbackHttpServer : IAsyncDisposable
    {
        private const int MaxBody = 1 << 20;
        private readonly TcpListener _listener;
        private readonly Func<HttpRequestData, CancellationToken, Task<HttpResponseData>> _handler;
        private readonly CancellationTokenSource _stop = new();
        private Task _acceptLoop = Task.CompletedTask;

        public LoopbackHttpServer(int port, Func<HttpRequestData, CancellationToken, Task<HttpResponseData>> handler)
        {
            _listener = new TcpListener(IPAddress.Loopback, port);
            _handler = handler;
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public void Start()
        {
            _listener.Start();
            _acceptLoop = AcceptLoopAsync();
        }

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _listener.Stop();
            try
            {
                await _acceptLoop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            _stop.Dispose();
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    return;
                }

                _ = ServeAsync(client);
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            {
                try
                {
                    var stream = client.GetStream();
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                    timeout.CancelAfter(TimeSpan.FromSeconds(30));
                    var request = await ReadRequestAsync(stream, timeout.Token).ConfigureAwait(false);
                    HttpResponseData response;
                    try
                    {
                        response = request is null
                            ? new HttpResponseData(400, "{\"error\":\"malformed request\"}")
                            : await _handler(request, _stop.Token).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        response = new HttpResponseData(500, System.Text.Json.JsonSerializer.Serialize(new { error = ex.Message }));
                    }

                    byte[] body = Encoding.UTF8.GetBytes(response.Body);
                    string head = $"HTTP/1.1 {response.StatusCode} {Reason(response.StatusCode)}\r\nContent-Type: {response.ContentType}; charset=utf-8\r\n" +
                        $"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(head), timeout.Token).ConfigureAwait(false);
                    await stream.WriteAsync(body, timeout.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    // the peer went away or we are stopping
                }
            }
        }

        private static async Task<HttpRequestData?> ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
        {
            var buffer = new MemoryStream();
            var chunk = new byte[4096];
            int headerEnd = -1;
            while (headerEnd < 0)
            {
                int n = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
                if (n == 0 || buffer.Length > 64 * 1024)
                {
                    return null;
                }

                buffer.Write(chunk, 0, n);
                headerEnd = IndexOf(buffer.GetBuffer(), (int)buffer.Length, "\r\n\r\n"u8);
            }

            string head = Encoding.ASCII.GetString(buffer.GetBuffer(), 0, headerEnd);
            string[] lines = head.Split("\r\n");
            string[] start = lines[0].Split(' ');
            if (start.Length < 2)
            {
                return null;
            }

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (int i = 1; i < lines.Length; i++)
            {
                int colon = lines[i].IndexOf(':');
                if (colon > 0)
                {
                    headers[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
                }
            }

            int length = headers.TryGetValue("Content-Length", out string? text) && int.TryParse(text, out int l) ? l : 0;
            if (length is < 0 or > MaxBody)
            {
                return null;
            }

            var body = new byte[length];
            int have = (int)buffer.Length - headerEnd - 4;
            Array.Copy(buffer.GetBuffer(), headerEnd + 4, body, 0, Math.Min(have, length));
            while (have < length)
            {
                int n = await stream.ReadAsync(body.AsMemory(have), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    return null;
                }

                have += n;
            }

            return new HttpRequestData(start[0], start[1], headers, Encoding.UTF8.GetString(body));
        }

        private static int IndexOf(byte[] data, int length, ReadOnlySpan<byte> pattern) => data.AsSpan(0, length).IndexOf(pattern);

        private static string Reason(int status) => status switch
        {
            200 => "OK",
            400 => "Bad Request",
            401 => "Unauthorized",
            404 => "Not Found",
            _ => status >= 500 ? "Internal Server Error" : "Status",
        };
    }
}
