using System;
using System.IO;
using Xunit;

namespace NanoFleet.EndToEnd.Tests.Support
{
    /// <summary>Tests that swap Console.Out run one at a time.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class ConsoleCollection
    {
        public const string Name = "console";
    }

    /// <summary>Runs `nanofleet ARGS` in-process and captures what it prints (stdout and stderr together).</summary>
    public static class ConsoleCapture
    {
        public static (int ExitCode, string Output) Run(params string[] args)
        {
            var output = new StringWriter();
            var (oldOut, oldError) = (Console.Out, Console.Error);
            Console.SetOut(output);
            Console.SetError(output);
            try
            {
                int code = NanoFleet.Cli.Program.Main(args);
                return (code, output.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldError);
            }
        }
    }
}
