using System.Globalization;
using Spectre.Console;

namespace NanoFleet.Cli.Demo
{
    /// <summary>The closing lines of a demo run.</summary>
    internal static class DemoVerdict
    {
        public static void Write(IAnsiConsole console, DemoReport report)
        {
            string seconds = report.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            if (report.Succeeded)
            {
                console.MarkupLine($"[green]OK[/]: {report.Devices.Count} devices provisioned, each connected as its own thing with its own certificate ({seconds} s).");
            }
            else
            {
                foreach (string problem in report.Problems)
                {
                    console.MarkupLine("[red]FAILED[/]: " + Markup.Escape(problem));
                }
            }

            if (report.Kept)
            {
                console.MarkupLine("Workspace kept in " + Markup.Escape(report.Workspace) +
                    ": flash images in devices/, emulator registry in cloud/. Boot one again with `nanofleet device run --flash devices/dev-01.bin --once`.");
            }
        }
    }
}
