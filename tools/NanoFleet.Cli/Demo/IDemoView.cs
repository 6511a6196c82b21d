using System;
using System.Collections.Generic;
using System.Threading;

namespace NanoFleet.Cli.Demo
{
    /// <summary>How the demo shows itself: a live table on a terminal, plain lines when redirected (CI).</summary>
    internal interface IDemoView
    {
        /// <summary>One set-up line ("Emulator listening on …").</summary>
        void Stage(string message);

        /// <summary>A device entered a step (called on the device's thread).</summary>
        void StepChanged(DeviceProgress device);

        /// <summary>Shows progress until <paramref name="done"/> is set.</summary>
        void Watch(IReadOnlyList<DeviceProgress> devices, WaitHandle done);

        /// <summary>The final table and verdict.</summary>
        void Summary(DemoReport report);
    }
}
