using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NanoFleet.NanoTestRunner
{
    /// <summary>
    /// What a nanoCLR run proved. The nanoCLR exits 0 whatever happened, so the run succeeds only if
    /// it ended by itself, exited 0, and every declared test reported as many results as it owes,
    /// none failed, and no fixture failed.
    /// </summary>
    internal sealed class Verdict
    {
        private readonly List<string> _problems = new();

        public int Passed { get; private set; }
        public int Failed { get; private set; }
        public int Skipped { get; private set; }
        public TimeSpan Elapsed { get; private set; }
        public bool Succeeded => _problems.Count == 0;

        public static Verdict Judge(DeclaredTests declared, NanoClrRun run)
        {
            var verdict = new Verdict { Elapsed = run.Elapsed };
            var reported = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (string line in run.Output)
            {
                if (!ResultLine.TryParse(line, out ResultLine result)) continue;
                bool fixture = declared.Fixtures.Contains(result.Method);
                if (!fixture && !declared.Tests.ContainsKey(result.Method))
                {
                    verdict._problems.Add($"reported a test the assembly does not declare: {line}");
                    continue;
                }
                if (result.Outcome == "failed") verdict._problems.Add($"FAILED {result.Method}: {result.Detail}");
                if (fixture) continue;
                reported[result.Method] = reported.GetValueOrDefault(result.Method) + 1;
                switch (result.Outcome)
                {
                    case "passed": verdict.Passed++; break;
                    case "failed": verdict.Failed++; break;
                    default: verdict.Skipped++; break;
                }
            }

            if (run.TimedOut) verdict._problems.Add($"the nanoCLR did not finish within {run.Elapsed.TotalSeconds:F0} s (hang): killed");
            else if (run.ExitCode != 0) verdict._problems.Add($"the nanoCLR crashed (exit {run.ExitCode})");
            if (reported.Count == 0) verdict._problems.Add("no test ran");
            var missing = declared.Tests.Where(t => reported.GetValueOrDefault(t.Key) < t.Value).Select(t => t.Key).ToList();
            if (missing.Count > 0)
            {
                verdict.Failed += missing.Count;
                verdict._problems.Add($"{missing.Count} declared test(s) never reported (the run stopped early?), first: {missing[0]}");
            }
            return verdict;
        }

        public void Print(TextWriter output)
        {
            foreach (string problem in _problems) output.WriteLine("nanoCLR: " + problem);
            output.WriteLine($"nanoCLR: {Passed} passed, {Failed} failed, {Skipped} skipped in {Elapsed.TotalSeconds:F1} s");
        }
    }
}
