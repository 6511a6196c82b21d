using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualBasic.FileIO;
using NanoFleet.Cli;
using NanoFleet.Cli.Demo;
using NanoFleet.EndToEnd.Tests.FactoryToCloud;
using NanoFleet.EndToEnd.Tests.Support;
using NanoFleet.Station.Records;
using NanoFleet.Station.Simulator;
using Xunit;

namespace NanoFleet.EndToEnd.Tests.Cli
{
    /// <summary>
    /// `nanofleet station simulate|run|report|export` as an operator without hardware runs them:
    /// `simulate --pty` in a process of its own (it serves until SIGTERM), `run` against the ports it
    /// printed, then `report` and `export --csv` on the database the run wrote.
    /// </summary>
    [Collection(ConsoleCollection.Name)]
    public sealed class StationVerbsTests
    {
        [Fact]
        public async Task SimulateRunReportExport_AsAnOperatorRunsThem()
        {
            await using var cloud = await E2eCloud.StartAsync();
            string dir = cloud.Directory;
            string claimDir = SimulatedEsp32.WriteClaimDirectory(cloud, "127.0.0.1:" + cloud.Emulator.Port);
            string partitions = Path.Combine(dir, "partitions.csv"), app = Path.Combine(dir, "nanoCLR.bin");
            string bootloader = Path.Combine(dir, "bootloader.bin"), db = Path.Combine(dir, "station.db"), dut = Path.Combine(dir, "dut.bin");
            File.WriteAllText(partitions, cloud.Table.ToCsv());
            File.WriteAllBytes(app, SyntheticAppImage.Build(64 * 1024, 8));
            File.WriteAllBytes(bootloader, SyntheticAppImage.Build(20 * 1024, 9, projectName: "bootloader"));

            string[] ports;
            string runOutput;
            using (var simulate = StartSimulate("--devices", "2", "--image", dut, "--no-throttle"))
            {
                // simulate --pty: one line per device and a --ports line to paste, naming pty links that exist.
                ports = Ports(simulate);
                Assert.Equal(2, ports.Length);
                Assert.Contains($"device 1: ESP32 MAC 24:0a:c4:00:00:01, flash {dut}, port {ports[0]}", simulate.Output);
                Assert.Contains($"device 2: ESP32 MAC 24:0a:c4:00:00:02, flash {dut}.2, port {ports[1]}", simulate.Output);
                Assert.All(ports, p => Assert.True(File.Exists(p), p + " does not exist"));

                var run = Station("run", "--ports", string.Join(",", ports), "--claim-dir", claimDir, "--template", DemoTemplate.Name,
                    "--serial-prefix", "NF-", "--firmware", "factory=" + app, "--bootloader", bootloader, "--partitions", partitions,
                    "--db", db, "--operator", "alice", "--station", "line-1");
                Assert.True(run.ExitCode == ExitCodes.Success, run.Output);
                Assert.Contains($"2 of 2 devices ok; records in sqlite:{db}", run.Output);
                runOutput = run.Output;

                var again = Station("run", "--ports", ports[0], "--claim-dir", claimDir, "--template", DemoTemplate.Name,
                    "--serial-prefix", "NF-", "--firmware", "factory=" + app, "--partitions", partitions, "--db", db);
                Assert.True(again.ExitCode == ExitCodes.Failure, again.Output);
                Assert.Contains("refused (already-provisioned)", again.Output);

                Assert.Equal(ExitCodes.Success, simulate.Stop());
            }

            // SIGTERM stopped socat too: the pty links are gone, and the flash files keep what was written.
            Assert.All(ports, p => Assert.False(File.Exists(p), p + " outlived `station simulate`"));
            foreach (string file in new[] { dut, dut + ".2" })
            {
                byte[] written = File.ReadAllBytes(file);
                Assert.Equal(File.ReadAllBytes(bootloader), written.AsSpan(0x1000, (int)new FileInfo(bootloader).Length).ToArray());
                Assert.Equal(cloud.Table.ToBinary(), written.AsSpan((int)cloud.Table.Options.TableOffset, 0xC00).ToArray());
            }

            // report: two devices, both ok; three attempts, the refusal counted by cause but not against the yield.
            var report = Station("report", "--db", db);
            Assert.True(report.ExitCode == ExitCodes.Success, report.Output);
            Assert.Matches(@"devices: 2 +ok: 2 +yield: 100[.,]0 ?% +attempts: 3\n", report.Output);
            Assert.Matches(@"\n +already-provisioned +0 / 1\n", report.Output);

            // export --csv: RFC 4180, one row per attempt, the columns an auditor reads, no key material.
            string csvFile = Path.Combine(dir, "devices.csv");
            var export = Station("export", "--csv", "--db", db, "-o", csvFile);
            Assert.True(export.ExitCode == ExitCodes.Success, export.Output);
            var toStdout = Station("export", "--csv", "--db", db);
            Assert.Equal(File.ReadAllText(csvFile), toStdout.Output);
            List<Dictionary<string, string>> rows = ReadCsv(csvFile);
            Assert.Equal(3, rows.Count);
            var ok = rows.Where(r => r["result"] == "ok").OrderBy(r => r["serial"]).ToList();
            Assert.Equal(new[] { "NF-000001", "NF-000002" }, ok.Select(r => r["serial"]));
            Assert.Equal(new[] { "24:0a:c4:00:00:01", "24:0a:c4:00:00:02" }, ok.Select(r => r["mac"]).OrderBy(m => m));
            string bootSha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(bootloader)));
            Assert.All(ok, r =>
            {
                Assert.Equal(("line-1", "alice", "ESP32", "301"), (r["station"], r["operator"], r["chip"], r["chip_revision"]));
                Assert.Contains("bootloader=" + bootSha, r["image_sha256s"]);
                Assert.Equal(64, r["claim_cert_sha256"].Length);
                Assert.True(DateTimeOffset.TryParse(r["finished_utc"], out _), r["finished_utc"]);
            });
            var refused = Assert.Single(rows, r => r["result"] == "refused");
            Assert.Equal(("already-provisioned", ports[0]), (refused["cause"], refused["port"]));
            Assert.Contains("--reflash", refused["error"]);
            Assert.DoesNotContain("PRIVATE KEY", File.ReadAllText(csvFile) + runOutput + report.Output);

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        [Theory]
        [InlineData("report")]
        [InlineData("export", "--csv")]
        public void ReportOrExport_NoDatabase_ExitsTwoNamingIt(params string[] verb)
        {
            string missing = Path.Combine(Path.GetTempPath(), "nf-no-station-" + Guid.NewGuid().ToString("N") + ".db");

            var (code, output) = Station([.. verb, "--db", missing]);

            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Equal($"nanofleet: --db {missing}: no station database there", output.Trim());
            Assert.False(File.Exists(missing), "reading a report created a database");
        }

        private static (int ExitCode, string Output) Station(params string[] args) => ConsoleCapture.Run(["station", .. args]);

        /// <summary>Parses with the runtime's own RFC 4180 reader (quoted fields, embedded commas), not ours.</summary>
        private static List<Dictionary<string, string>> ReadCsv(string path)
        {
            using var parser = new TextFieldParser(path) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
            parser.SetDelimiters(",");
            string[] header = parser.ReadFields()!;
            Assert.Equal(RecordCsv.Header.Split(','), header);
            var rows = new List<Dictionary<string, string>>();
            while (!parser.EndOfData)
            {
                string[] fields = parser.ReadFields()!;
                Assert.Equal(header.Length, fields.Length);
                rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => p.Second));
            }

            return rows;
        }

        /// <summary>
        /// `nanofleet station simulate --pty` in a process of its own, read until it prints its --ports line;
        /// stopped with SIGTERM as a terminal's owner or a service manager stops it.
        /// </summary>
        private static CliProcess StartSimulate(params string[] options) =>
            CliProcess.Start(new Regex("^--ports (.+)$"), ["station", "simulate", "--pty", .. options]);

        private static string[] Ports(CliProcess simulate) => simulate.ReadyLine.Groups[1].Value.Split(',');
    }
}
