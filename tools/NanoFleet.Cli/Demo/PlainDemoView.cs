using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using Spectre.Console;

namespace NanoFleet.Cli.Demo
{
    /// <summary>One plain line per step change, for CI logs and redirected output (no cursor movement).</summary>
    internal sealed class PlainDemoView : IDemoView
    {
        private readonly IAnsiConsole _console;
        private readonly TextWriter _lines;
        private readonly object _gate = new object();
        private readonly DateTime _started = DateTime.UtcNow;

        public PlainDemoView(IAnsiConsole console, TextWriter lines)
        {
            _console = console;
            _lines = lines;
            // Redirected output has no terminal width; Spectre would assume 80 and wrap every cell.
            _console.Profile.Width = Math.Max(_console.Profile.Width, 200);
        }

        public void Stage(string message) => WriteLine("* " + message);

        public void StepChanged(DeviceProgress device)
        {
            string retry = device.Attempts > 0 ? " (retry " + device.Attempts.ToString(CultureInfo.InvariantCulture) + ")" : "";
            WriteLine($"{Elapsed()} {device.Name} {device.SerialNumber} {device.Step}{retry}");
        }

        public void Watch(IReadOnlyList<DeviceProgress> devices, WaitHandle done) => done.WaitOne();

        public void Summary(DemoReport report)
        {
            _console.Write(DemoTable.Summary(report, _console.Profile.Width));
            DemoVerdict.Write(_console, report);
        }

        private string Elapsed() => "+" + (DateTime.UtcNow - _started).TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + "s";

        private void WriteLine(string line)
        {
            lock (_gate)
            {
                _lines.WriteLine(line);
                _lines.Flush();
            }
        }
    }
}
