using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cloud.Options;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.Cloud.Tests
{
    /// <summary>The broker's front door, tried the way an attacker on the port would: everything on 127.0.0.1.</summary>
    public class NetworkTests
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

        [Fact]
        public async Task Listens_OnExactlyTheAddressAskedFor()
        {
            if (!File.Exists("/proc/net/tcp6"))
            {
                return; // reads Linux's socket table; elsewhere there is nothing to read
            }

            await using (var v4 = await TestEmulator.StartAsync())
            {
                Assert.Equal(new[] { "127.0.0.1" }, Listeners(v4.Emulator.Port));
            }

            await using var v6 = await TestEmulator.StartAsync(b => b.WithEndpoint(IPAddress.IPv6Loopback, 0));
            Assert.Equal(new[] { "::1" }, Listeners(v6.Emulator.Port));
        }

        [Fact]
        public async Task SilentSocket_HalfHandshake_AndTlsWithoutConnect_AreClosedAtTheDeadline()
        {
            await using var env = await TestEmulator.StartAsync(b => b.WithNetworkLimits(NetworkLimits.Default with { HandshakeTimeout = TimeSpan.FromSeconds(1) }));
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);

            using var silent = await RawSocketAsync(env.Emulator.Port);
            using var half = await RawSocketAsync(env.Emulator.Port);
            await half.SendAsync(new byte[] { 0x16, 0x03, 0x01, 0x02, 0x00, 0x01 }); // the start of a ClientHello, then nothing
            await using var tls = await RawTlsAsync(env, claim); // a valid claim that never sends CONNECT

            await ClosedByServerAsync(silent.ReceiveAsync(new byte[16]));
            await ClosedByServerAsync(half.ReceiveAsync(new byte[16]));
            await ClosedByServerAsync(ReadToEndAsync(tls));
            await WaitUntilAsync(() => env.Emulator.OpenConnections == 0, "connections still open after the deadline");
        }

        [Theory]
        [InlineData(4, 100)] // the total cap
        [InlineData(100, 4)] // the per-address cap (every connection here comes from 127.0.0.1)
        public async Task AtTheCap_PendingSocketsMakeRoom_EstablishedOnesAreNeverEvicted(int total, int perAddress)
        {
            await using var env = await TestEmulator.StartAsync(b => b.WithNetworkLimits(NetworkLimits.Default with
            {
                MaxConnections = total, MaxConnectionsPerAddress = perAddress, HandshakeTimeout = TimeSpan.FromMinutes(5),
            }));
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            var idle = new List<Socket>();
            for (int i = 0; i < 4; i++)
            {
                idle.Add(await RawSocketAsync(env.Emulator.Port));
            }

            await WaitUntilAsync(() => env.Emulator.OpenConnections == 4, "the idle sockets were not all accepted");
            var devices = new List<TestDevice>();
            for (int i = 0; i < 4; i++)
            {
                devices.Add(await env.ConnectAsync(claim)); // each takes an idle socket's place
            }

            foreach (var socket in idle)
            {
                await ClosedByServerAsync(socket.ReceiveAsync(new byte[1]));
            }

            await Assert.ThrowsAnyAsync<Exception>(() => env.ConnectAsync(claim)); // four established: no room
            using var late = await RawSocketAsync(env.Emulator.Port);
            await ClosedByServerAsync(late.ReceiveAsync(new byte[1]));
            Assert.All(devices, d => Assert.True(d.IsConnected));

            await devices[0].DisposeAsync();
            await WaitUntilAsync(() => env.Emulator.OpenConnections == 3, "the closed device's slot was not freed");
            await using var next = await env.ConnectAsync(claim);
            Assert.True((await Flow.CreateKeysAsync(next)).Accepted);
            foreach (var d in devices.Skip(1))
            {
                await d.DisposeAsync();
            }

            idle.ForEach(s => s.Dispose());
        }

        [Fact]
        public async Task PacketOverAwsLimit_ClosesTheConnection_AtItsHeader()
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);

            // Just under the limit: an ordinary request, answered.
            await using var device = await env.ConnectAsync(claim);
            var big = Flow.Serial(new string('a', NetworkLimits.AwsMaxPacketSize - 1024));
            var (_, registered) = await Flow.ProvisionAsync(device, "fleet", big);
            Assert.Equal("InvalidRequestException", registered.Text("errorCode")); // the thing name is too long, but it was read

            // Over it: the connection closes.
            await using var sender = await env.ConnectAsync(claim);
            try
            {
                await sender.PublishAsync("$aws/provisioning-templates/fleet/provision/json", new byte[NetworkLimits.AwsMaxPacketSize + 1]);
            }
            catch (Exception)
            {
                // no PUBACK: closed
            }

            await sender.Disconnected.WaitAsync(Patience);

            // A header announcing 256 MB closes it before any body is sent (MQTTnet would allocate the body up front).
            await using var tls = await RawTlsAsync(env, claim);
            await tls.WriteAsync(new byte[] { 0x10, 0xFF, 0xFF, 0xFF, 0x7F });
            await tls.FlushAsync();
            await ClosedByServerAsync(ReadToEndAsync(tls));
        }

        private static string[] Listeners(int port)
        {
            var found = new List<string>();
            foreach (var (file, v6) in new[] { ("/proc/net/tcp", false), ("/proc/net/tcp6", true) })
            {
                foreach (string line in File.ReadLines(file).Skip(1))
                {
                    string[] f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    string[] local = f[1].Split(':');
                    if (f[3] == "0A" && Convert.ToInt32(local[1], 16) == port)
                    {
                        found.Add(KernelAddress(local[0], v6).ToString());
                    }
                }
            }

            return found.ToArray();
        }

        /// <summary>/proc/net/tcp* print addresses as 32-bit words in host (little-endian) order.</summary>
        private static IPAddress KernelAddress(string hex, bool v6)
        {
            var bytes = Convert.FromHexString(hex);
            for (int word = 0; word < bytes.Length; word += 4)
            {
                Array.Reverse(bytes, word, 4);
            }

            return new IPAddress(v6 ? bytes : bytes[..4]);
        }

        private static async Task<Socket> RawSocketAsync(int port)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
            return socket;
        }

        private static async Task<SslStream> RawTlsAsync(TestEmulator env, ClaimCredentials claim)
        {
            var socket = await RawSocketAsync(env.Emulator.Port);
            var ssl = new SslStream(new NetworkStream(socket, true), false, (_, _, _, _) => true);
            await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "localhost",
                EnabledSslProtocols = System.Security.Authentication.SslProtocols.Tls12,
                ClientCertificates = new X509CertificateCollection { X509Certificate2.CreateFromPem(claim.CertificatePem, claim.PrivateKeyPem) },
            });
            return ssl;
        }

        private static async Task<int> ReadToEndAsync(Stream stream)
        {
            var buffer = new byte[256];
            try
            {
                int read;
                while ((read = await stream.ReadAsync(buffer)) > 0)
                {
                }

                return 0;
            }
            catch (IOException)
            {
                return 0; // a reset is a close too
            }
        }

        private static async Task ClosedByServerAsync(Task<int> read)
        {
            try
            {
                Assert.Equal(0, await read.WaitAsync(Patience));
            }
            catch (SocketException)
            {
                // reset by the server: closed
            }
        }

        private static async Task WaitUntilAsync(Func<bool> condition, string failure)
        {
            var deadline = DateTime.UtcNow + Patience;
            while (!condition())
            {
                Assert.True(DateTime.UtcNow < deadline, failure);
                await Task.Delay(20);
            }
        }
    }
}
