using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;
using Mono.Cecil;
using nanoFramework.Tools.MetadataProcessor;

namespace nanoFramework.Tools.MetadataProcessor.Driver
{
    /// <summary>
    /// Converts one IL assembly into the nanoCLR's .pe format (plus its .pdbx), the way the upstream
    /// console does it: parse with load hints, write once, minimize, write again. Only the upstream
    /// console's -parse/-compile path is offered; its skeleton and dump options need mustache-sharp.
    /// </summary>
    internal static class Program
    {
        private const string Usage =
            "usage: nanofleet-mdp [--hint NAME=PATH.dll]... [--exclude CLASS]... [--corelib] INPUT.dll OUTPUT.pe\n" +
            "  --hint NAME=PATH   where the assembly NAME that INPUT references is (mscorlib at least)\n" +
            "  --exclude CLASS    leave CLASS (full name) out of the .pe\n" +
            "  --corelib          INPUT is a core library (mscorlib)\n" +
            "exit 0 converted, 1 conversion failed, 2 usage error";

        private static int Main(string[] args)
        {
            var hints = new Dictionary<string, string>(StringComparer.Ordinal);
            var excluded = new List<string>();
            var files = new List<string>();
            bool coreLibrary = false;
            for (int i = 0; i < args.Length; i++)
            {
                string arg = args[i];
                if (arg == "--hint" && i + 1 < args.Length && args[i + 1].Contains('='))
                {
                    string[] pair = args[++i].Split('=', 2);
                    hints[pair[0]] = pair[1];
                }
                else if (arg == "--exclude" && i + 1 < args.Length) excluded.Add(args[++i]);
                else if (arg == "--corelib") coreLibrary = true;
                else if (arg is "-h" or "--help") { Console.WriteLine(Usage); return 0; }
                else if (arg.StartsWith("-", StringComparison.Ordinal)) return UsageError($"unknown or incomplete option '{arg}'");
                else files.Add(arg);
            }
            if (files.Count != 2) return UsageError("expected INPUT.dll and OUTPUT.pe");
            if (!File.Exists(files[0])) return UsageError($"input '{files[0]}' does not exist");

            try
            {
                Convert(files[0], files[1], hints, excluded, coreLibrary);
                return 0;
            }
            catch (Exception ex)
            {
                Console.Error.WriteLine($"nanofleet-mdp: converting '{files[0]}' failed: {ex.GetType().Name}: {ex.Message}");
                return 1;
            }
        }

        private static void Convert(string input, string output, Dictionary<string, string> hints, List<string> excluded, bool coreLibrary)
        {
            AssemblyDefinition assembly = AssemblyDefinition.ReadAssembly(input,
                new ReaderParameters { AssemblyResolver = new LoadHintsAssemblyResolver(hints) });
            var builder = new nanoAssemblyBuilder(assembly, excluded, false, coreLibrary);

            // The upstream console writes a throw-away image before minimizing: writing fills the
            // tables that Minimize reads.
            using (var scratch = new MemoryStream())
            using (var writer = new BinaryWriter(scratch))
            {
                builder.Write(nanoBinaryWriter.CreateLittleEndianBinaryWriter(writer));
            }
            builder.Minimize();

            // Written beside the target and moved into place, so a failed run never leaves a
            // truncated .pe that a later step would load.
            string partial = output + ".partial";
            using (var stream = File.Create(partial))
            using (var writer = new BinaryWriter(stream))
            {
                builder.Write(nanoBinaryWriter.CreateLittleEndianBinaryWriter(writer));
            }
            using (var pdbx = XmlWriter.Create(Path.ChangeExtension(output, "pdbx")))
            {
                builder.Write(pdbx);
            }
            File.Move(partial, output, overwrite: true);
        }

        private static int UsageError(string message)
        {
            Console.Error.WriteLine($"nanofleet-mdp: {message}\n{Usage}");
            return 2;
        }
    }
}
