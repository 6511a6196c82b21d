using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace NanoFleet.NanoTestRunner
{
    internal static class Program
    {
        private const string Usage =
            "usage: nanofleet-nanotest --clr NANOCLR --tests NFUnitTest.dll [--timeout SECONDS] [--counts FILE] [--log FILE] -- PE...\n" +
            "  Runs the .pe files (in load order: mscorlib, UnitTestLauncher, TestFramework, libraries,\n" +
            "  NFUnitTest) on the nanoCLR and checks its output against the tests NFUnitTest.dll declares.\n" +
            "  --timeout  kill the run after this long (default 600): a hang is a failure\n" +
            "  --counts   write 'passed failed skipped' to FILE, for a closing summary\n" +
            "  --log      keep the nanoCLR's whole output in FILE\n" +
            "exit 0 every declared test passed or skipped; 1 a test failed, was missing, the run crashed or hung; 2 usage";

        private static int Main(string[] args)
        {
            string? clr = null, tests = null, counts = null, log = null;
            int timeout = 600;
            var pes = new List<string>();
            for (int i = 0; i < args.Length; i++)
            {
                string arg = args[i];
                if (arg == "--") { pes.AddRange(args[(i + 1)..]); break; }
                if (arg is "-h" or "--help") { Console.WriteLine(Usage); return 0; }
                if (i + 1 >= args.Length) return UsageError($"option '{arg}' needs a value");
                string value = args[++i];
                switch (arg)
                {
                    case "--clr": clr = value; break;
                    case "--tests": tests = value; break;
                    case "--counts": counts = value; break;
                    case "--log": log = value; break;
                    case "--timeout" when int.TryParse(value, out timeout) && timeout > 0: break;
                    default: return UsageError($"unknown option or bad value '{arg} {value}'");
                }
            }
            if (clr is null || tests is null || pes.Count == 0) return UsageError("--clr, --tests and the .pe files are required");
            foreach (string file in new List<string>(pes) { clr, tests })
            {
                if (!File.Exists(file)) return UsageError($"'{file}' does not exist");
            }

            DeclaredTests declared = DeclaredTests.Read(tests);
            NanoClrRun run = NanoClrRun.Start(clr, pes, TimeSpan.FromSeconds(timeout));
            if (log is not null) File.WriteAllLines(log, run.Output);
            var verdict = Verdict.Judge(declared, run);
            verdict.Print(Console.Out);
            if (counts is not null) File.WriteAllText(counts, $"{verdict.Passed} {verdict.Failed} {verdict.Skipped}\n");
            return verdict.Succeeded ? 0 : 1;
        }

        private static int UsageError(string message)
        {
            Console.Error.WriteLine($"nanofleet-nanotest: {message}\n{Usage}");
            return 2;
        }
    }
}
