using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace NanoFleet.NanoTestRunner
{
    /// <summary>One run of the nanoCLR POSIX host over a list of .pe files, bounded in time.</summary>
    internal sealed class NanoClrRun
    {
        public List<string> Output { get; } = new();
        public bool TimedOut { get; private set; }
        public int ExitCode { get; private set; }
        public TimeSpan Elapsed { get; private set; }

        public static NanoClrRun Start(string clr, IReadOnlyList<string> pes, TimeSpan timeout)
        {
            var run = new NanoClrRun();
            var info = new ProcessStartInfo(clr) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string pe in pes) info.ArgumentList.Add(pe);
            var clock = Stopwatch.StartNew();
            using var process = new Process { StartInfo = info };
            // Both streams go to one list, in arrival order, so a crash message sits beside the
            // test that caused it.
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (run.Output) run.Output.Add(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (run.Output) run.Output.Add(e.Data); };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(timeout))
            {
                run.TimedOut = true;
                process.Kill(entireProcessTree: true);
            }
            process.WaitForExit();
            run.ExitCode = process.ExitCode;
            run.Elapsed = clock.Elapsed;
            return run;
        }
    }
}
