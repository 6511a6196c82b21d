using System;
using System.Collections.Generic;
using System.IO;

namespace NanoFleet.IlCheck
{
    /// <summary>
    /// nanofleet-ilcheck [--allow NAME]... ASSEMBLY.dll...
    /// Exit 0 when every assembly is nano-safe, 1 when any violation is found, 2 on bad usage.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            var allowed = new HashSet<string>(StringComparer.Ordinal);
            var files = new List<string>();
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] == "--allow" && i + 1 < args.Length) allowed.Add(args[++i]);
                else if (args[i] is "-h" or "--help")
                {
                    Console.WriteLine("usage: nanofleet-ilcheck [--allow ASSEMBLY-NAME]... FILE.dll...");
                    Console.WriteLine("Fails (exit 1) on generic definitions or instantiations, references to any");
                    Console.WriteLine("assembly other than mscorlib and the --allow list, and multi-dimensional arrays.");
                    return 0;
                }
                else files.Add(args[i]);
            }

            if (files.Count == 0)
            {
                Console.Error.WriteLine("nanofleet-ilcheck: no assembly given (see --help)");
                return 2;
            }

            int violations = 0;
            foreach (var file in files)
            {
                if (!File.Exists(file))
                {
                    Console.Error.WriteLine($"nanofleet-ilcheck: {file}: no such file");
                    return 2;
                }

                var found = NanoProfileChecker.Check(file, allowed);
                foreach (var v in found) Console.Error.WriteLine(v);
                violations += found.Count;
                Console.WriteLine($"{Path.GetFileName(file)}: {(found.Count == 0 ? "nano-safe" : found.Count + " violation(s)")}");
            }

            return violations == 0 ? 0 : 1;
        }
    }
}
