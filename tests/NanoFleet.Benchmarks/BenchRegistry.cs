using System;
using System.Linq;
using System.Reflection;

namespace NanoFleet.Benchmarks
{
    /// <summary>A bench that runs outside BenchmarkDotNet (end-to-end, many devices) and prints its figures.</summary>
    public interface IBench
    {
        /// <summary>Name used on the command line: `bench NAME`.</summary>
        string Name { get; }

        /// <summary>One line for the list.</summary>
        string Description { get; }

        /// <summary>Runs and prints results; returns an exit code.</summary>
        int Run(string[] args);
    }

    /// <summary>Finds every <see cref="IBench"/> in this assembly by reflection, so adding one is adding a file.</summary>
    public static class BenchRegistry
    {
        public static int Run(string[] args)
        {
            var benches = typeof(BenchRegistry).Assembly.GetTypes()
                .Where(t => typeof(IBench).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface)
                .Select(t => (IBench)Activator.CreateInstance(t)!)
                .OrderBy(b => b.Name, StringComparer.Ordinal)
                .ToList();
            if (args.Length < 2)
            {
                Console.WriteLine("usage: bench NAME [args]\nbenches:");
                foreach (var b in benches) Console.WriteLine($"  {b.Name,-24} {b.Description}");
                return 2;
            }

            var bench = benches.FirstOrDefault(b => b.Name == args[1]);
            if (bench is null)
            {
                Console.Error.WriteLine($"no bench named '{args[1]}'");
                return 2;
            }

            return bench.Run(args.Skip(2).ToArray());
        }
    }
}
