using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Station.Batch;
using NanoFleet.Station.Dashboard.Http;
using NanoFleet.Station.Records;
using NanoFleet.Station.Tests.Batch;
using NanoFleet.Station.Tests.Simulator;
using Xunit;

namespace NanoFleet.Station.Dashboard.Tests
{
    public class DashboardHttpTests
    {
        private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

        private static string TempDatabase() =>
            Path.Combine(Directory.CreateTempSubdirectory("nanofleet-dashboard-").FullName, "station.db");

        private static DeviceRecord Finished(string station, string mac, DeviceResult result, FailureCause cause) => new()
        {
            Station = station, Operator = "alice", Port = "/dev/ttyUSB0", Mac = mac, Chip = "ESP32", Result = result, Cause = cause,
            StartedUtc = DateTimeOffset.UtcNow.AddMinutes(-5), FinishedUtc = DateTimeOffset.UtcNow.AddMinutes(-4),
            Error = result == DeviceResult.Ok ? "" : "Failed to write to target flash",
        };

        [Fact]
        public async Task StartAsync_NonLoopbackWithoutAllowRemote_RefusedNamingTheAddress()
        {
            string db = TempDatabase();
            var ex = await Assert.ThrowsAsync<ArgumentException>(() => DashboardServer.StartAsync(() => RecordStores.Open(db),
                new DashboardOptions { Listen = ListenAddress.Parse("0.0.0.0:0") }));

            Assert.StartsWith("--listen 0.0.0.0:0: other machines can reach that address; add --allow-remote", ex.Message);
        }

        [Fact]
        public async Task Devices_FilteredByResultAndStation_NewestFirst_OnlyTableFields()
        {
            string db = TempDatabase();
            using (IRecordStore store = RecordStores.Open(db))
            {
                store.Insert(Finished("line-1", "24:0a:c4:00:00:01", DeviceResult.Ok, FailureCause.None));
                store.Insert(Finished("line-2", "24:0a:c4:00:00:02", DeviceResult.Failed, FailureCause.Write));
                store.Insert(Finished("line-1", "24:0a:c4:00:00:03", DeviceResult.Failed, FailureCause.Verify));
                store.Insert(Finished("line-2", "24:0a:c4:00:00:04", DeviceResult.Ok, FailureCause.None) with { ClaimCertSha256 = new string('c', 64) });
            }

            await using var dashboard = await RunningDashboard.StartAsync(db);
            var all = await dashboard.Http.GetFromJsonAsync<DeviceRow[]>("/api/devices", Web);
            var failed = await dashboard.Http.GetFromJsonAsync<DeviceRow[]>("/api/devices?result=failed", Web);
            var line1Failed = await dashboard.Http.GetFromJsonAsync<DeviceRow[]>("/api/devices?result=failed&station=line-1", Web);
            var two = await dashboard.Http.GetFromJsonAsync<DeviceRow[]>("/api/devices?count=2", Web);
            string raw = await dashboard.Http.GetStringAsync("/api/devices");

            Assert.Equal(new[] { "24:0a:c4:00:00:04", "24:0a:c4:00:00:03", "24:0a:c4:00:00:02", "24:0a:c4:00:00:01" }, all!.Select(d => d.Mac));
            Assert.Equal(new[] { "verify", "write" }, failed!.Select(d => d.Cause));
            Assert.Equal("24:0a:c4:00:00:03", Assert.Single(line1Failed!).Mac);
            Assert.Equal(2, two!.Length);
            Assert.Equal("ok", all![0].Result);
            // The table's fields only: no certificate or image fingerprints.
            Assert.DoesNotContain("claimCert", raw);
            Assert.DoesNotContain(new string('c', 64), raw);
        }

        [Fact]
        public async Task Devices_BadFilter_400NamingParameter()
        {
            await using var dashboard = await RunningDashboard.StartAsync(TempDatabase());

            using HttpResponseMessage response = await dashboard.Http.GetAsync("/api/devices?result=broken");

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("result=broken: expected one of", await response.Content.ReadAsStringAsync());
        }

        [Fact]
        public async Task ReadOnly_WritesRefused_PageAndAssetsServedLocally_WithPolicy()
        {
            await using var dashboard = await RunningDashboard.StartAsync(TempDatabase());

            using HttpResponseMessage post = await dashboard.Http.PostAsync("/api/devices", new StringContent("{}"));
            using HttpResponseMessage page = await dashboard.Http.GetAsync("/");
            string html = await page.Content.ReadAsStringAsync();
            using HttpResponseMessage chart = await dashboard.Http.GetAsync("/vendor/uplot/uPlot.iife.min.js");

            Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
            Assert.Equal("text/html; charset=utf-8", page.Content.Headers.ContentType!.ToString());
            Assert.StartsWith("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
            Assert.DoesNotContain("http", html.Replace("http-equiv", "", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
            Assert.Contains("uPlot", await chart.Content.ReadAsStringAsync());
        }

        [Fact]
        public async Task Events_PushSnapshotWhenAPortReports()
        {
            string db = TempDatabase();
            await using var dashboard = await RunningDashboard.StartAsync(db);
            using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/events");
            using HttpResponseMessage response = await dashboard.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);

            JsonElement first = await NextSnapshot(reader, cancel.Token);
            Assert.Equal(0, first.GetProperty("ports").GetArrayLength());
            using (IRecordStore station = RecordStores.Open(db))
            {
                station.ReportPort(new PortStatus("line-1", "/dev/ttyUSB0", "ESP32-D0WD-V3", "24:0a:c4:00:00:01", "NF-000001",
                    "write factory", 4096, 65536, "", DateTimeOffset.UtcNow));
            }

            JsonElement port;
            do
            {
                port = (await NextSnapshot(reader, cancel.Token)).GetProperty("ports");
            }
            while (port.GetArrayLength() == 0);

            Assert.Equal("write factory", port[0].GetProperty("step").GetString());
            Assert.Equal(4096, port[0].GetProperty("done").GetInt64());
            Assert.Equal("NF-000001", port[0].GetProperty("serial").GetString());
        }

        [Fact]
        public async Task AfterARealBatch_NothingServedHoldsKeyMaterial()
        {
            using var fixture = new StationFixture(2);
            new StationRunner(fixture.Options()).Run();
            await using var dashboard = await RunningDashboard.StartAsync(fixture.Database);

            string key = fixture.KeyPem.Split('\n')[1];
            foreach (string path in new[] { "/", "/app.js", "/api/snapshot", "/api/devices", "/api/devices?result=ok" })
            {
                string body = await dashboard.Http.GetStringAsync(path);
                Assert.DoesNotContain("PRIVATE KEY", body);
                Assert.DoesNotContain(key, body);
            }

            string snapshot = await dashboard.Http.GetStringAsync("/api/snapshot");
            Assert.Contains("\"ok\":2", snapshot);
        }

        private static async Task<JsonElement> NextSnapshot(StreamReader reader, CancellationToken cancel)
        {
            string? eventType = null;
            while (await reader.ReadLineAsync(cancel) is string line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal)) eventType = line["event: ".Length..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventType == DashboardEndpoints.SnapshotEvent)
                {
                    return JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
                }
            }

            throw new EndOfStreamException("the event stream ended");
        }
    }
}
