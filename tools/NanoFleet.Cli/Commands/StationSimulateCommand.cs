using System;
using System.CommandLine;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading;
using NanoFleet.Hal.Host.Flash;
using NanoFleet.Station.Simulator;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet station simulate --pty`: simulated ESP32s in download mode on socat pty pairs.</summary>
    internal static class StationSimulateCommand
    {
        public static Command Create()
        {
            var pty = new Option<bool>("--pty") { Description = "Serve on a socat pty pair (the only transport).", Required = true };
            var devices = new Option<int>("--devices", "-n") { Description = "How many devices (one pty pair each).", DefaultValueFactory = _ => 1 };
            var image = new Option<string>("--image") { Description = "Flash image file of the first device (device N>1 adds .N); created blank, kept across runs. `nanofleet device run` boots from it.", DefaultValueFactory = _ => "sim-flash.bin" };
            var flashSize = new Option<int>("--flash-mb") { Description = "Flash size in MB.", DefaultValueFactory = _ => 4 };
            var mac = new Option<string>("--mac") { Description = "MAC of the first device; later devices count up.", DefaultValueFactory = _ => "24:0a:c4:00:00:01" };
            var revision = new Option<int>("--revision") { Description = "Chip revision, major*100+minor (301 = v3.1).", DefaultValueFactory = _ => 301 };
            var noThrottle = new Option<bool>("--no-throttle") { Description = "Do not hold the line to the baud rate (faster than real hardware)." };
            var noise = new Option<double>("--noise") { Description = "Probability per request of a flipped bit." };
            var drop = new Option<double>("--drop") { Description = "Probability per request of a lost byte." };
            var timeouts = new Option<double>("--timeouts") { Description = "Probability per request of no reply." };
            var unplug = new Option<long>("--unplug-after") { Description = "Go silent after this many flash data bytes (-1 never).", DefaultValueFactory = _ => -1 };
            var command = new Command("simulate",
                "Simulated ESP32 ROM loaders for trying the station without hardware. Each one speaks the ROM\n" +
                "side exactly (4 status bytes, 8 SYNC replies, MD5 as hex, ROM error codes) over a NOR-flash\n" +
                "image file, behind a socat pty pair. Prints the port to pass to --port / --ports; runs until Ctrl-C.\n" +
                "Example: nanofleet station simulate --pty -n 4 --image /tmp/dut.bin")
            {
                pty, devices, image, flashSize, mac, revision, noThrottle, noise, drop, timeouts, unplug,
            };
            command.SetAction(result =>
            {
                int count = result.GetValue(devices);
                if (count < 1 || count > 64) throw new FormatException($"--devices {count} is not 1..64");
                byte[] firstMac = ParseMac(result.GetValue(mac)!);
                var faults = new SimulatorFaults
                {
                    LineNoise = result.GetValue(noise), DroppedBytes = result.GetValue(drop), Timeouts = result.GetValue(timeouts),
                    UnplugAfterFlashBytes = result.GetValue(unplug), Seed = Environment.TickCount,
                };
                var hosts = new List<SimulatorHost>();
                var chips = new List<NorFlash>();
                try
                {
                    var ports = new List<string>();
                    for (int i = 0; i < count; i++)
                    {
                        string file = i == 0 ? result.GetValue(image)! : $"{result.GetValue(image)}.{i + 1}";
                        var chip = NorFlash.OpenFile(file, result.GetValue(flashSize) * 1024 * 1024);
                        chips.Add(chip);
                        byte[] m = (byte[])firstMac.Clone();
                        m[5] = (byte)(m[5] + i);
                        var host = new SimulatorHost(new NorFlashMemory(chip), new SimulatedChip(m, result.GetValue(revision)), faults, !result.GetValue(noThrottle));
                        hosts.Add(host);
                        ports.Add(host.PortPath);
                        Console.WriteLine($"device {i + 1}: ESP32 MAC {string.Join(":", Array.ConvertAll(m, b => b.ToString("x2")))}, flash {file}, port {host.PortPath}");
                    }

                    Console.WriteLine($"--ports {string.Join(",", ports)}");
                    Console.WriteLine("Serving; Ctrl-C stops.");
                    using var stop = new ManualResetEventSlim();
                    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Set(); };
                    // SIGTERM too, so the socat processes are stopped instead of orphaned.
                    using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Set(); });
                    stop.Wait();
                    return ExitCodes.Success;
                }
                finally
                {
                    hosts.ForEach(h => h.Dispose());
                    chips.ForEach(c => c.Dispose());
                }
            });
            return command;
        }

        private static byte[] ParseMac(string text)
        {
            string[] parts = text.Split(':', '-');
            if (parts.Length != 6) throw new FormatException($"--mac {text} is not six hex bytes like 24:0a:c4:00:00:01");
            return Array.ConvertAll(parts, p => byte.Parse(p, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }
    }
}
