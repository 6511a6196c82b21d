using System;
using System.Collections.Generic;

namespace NanoFleet.Cli.Demo
{
    /// <summary>How a demo run ended.</summary>
    public sealed class DemoReport
    {
        /// <summary>Creates the report.</summary>
        public DemoReport(IReadOnlyList<DeviceProgress> devices, IReadOnlyList<string> problems, string workspace, bool kept, TimeSpan elapsed)
        {
            Devices = devices;
            Problems = problems;
            Workspace = workspace;
            Kept = kept;
            Elapsed = elapsed;
        }

        /// <summary>Every device, in order.</summary>
        public IReadOnlyList<DeviceProgress> Devices { get; }

        /// <summary>Why the demo failed, one line each; empty on success.</summary>
        public IReadOnlyList<string> Problems { get; }

        /// <summary>The workspace directory.</summary>
        public string Workspace { get; }

        /// <summary>True when the workspace was kept (--keep).</summary>
        public bool Kept { get; }

        /// <summary>Wall time of the whole run.</summary>
        public TimeSpan Elapsed { get; }

        /// <summary>True when every device ended connected as its own thing with its own certificate.</summary>
        public bool Succeeded => Problems.Count == 0;
    }
}
