using System.Collections.Generic;
using System.Threading;
using Spectre.Console;

namespace NanoFleet.Cli.Demo
{
    /// <summary>A live-updating table, for a terminal.</summary>
    internal sealed class LiveDemoView : IDemoView
    {
        private readonly IAnsiConsole _console;

        public LiveDemoView(IAnsiConsole console)
        {
            _console = console;
        }

        public void Stage(string message) => _console.MarkupLine("[grey]•[/] " + Markup.Escape(message));

        public void StepChanged(DeviceProgress device)
        {
            // The live table polls; nothing to print per step.
        }

        public void Watch(IReadOnlyList<DeviceProgress> devices, WaitHandle done)
        {
            _console.Live(DemoTable.Progress(devices)).AutoClear(false).Start(context =>
            {
                while (!done.WaitOne(100))
                {
                    context.UpdateTarget(DemoTable.Progress(devices));
                }

                context.UpdateTarget(DemoTable.Progress(devices));
            });
        }

        public void Summary(DemoReport report)
        {
            _console.Write(DemoTable.Summary(report, _console.Profile.Width));
            DemoVerdict.Write(_console, report);
        }
    }
}
