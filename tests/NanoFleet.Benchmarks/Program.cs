using BenchmarkDotNet.Running;

namespace NanoFleet.Benchmarks
{
    /// <summary>
    /// `dotnet run -c Release --project tests/NanoFleet.Benchmarks -- --filter *Name*` runs BenchmarkDotNet
    /// classes; `-- bench NAME` runs a ratio-printing bench (see Benches/).
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "bench")
            {
                return BenchRegistry.Run(args);
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
            return 0;
        }
    }
}
