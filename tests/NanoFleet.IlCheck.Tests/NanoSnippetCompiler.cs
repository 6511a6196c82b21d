using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NanoFleet.IlCheck.Tests
{
    /// <summary>
    /// Compiles C# snippets against nanoFramework's real mscorlib (CoreLibrary 1.17.11), the way the
    /// nano-profile projects do (C# 10), into dll files in a temporary folder that is deleted on dispose.
    /// </summary>
    internal sealed class NanoSnippetCompiler : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("nanofleet-ilcheck-").FullName;

        public static string Metadata(string key) =>
            typeof(NanoSnippetCompiler).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

        /// <summary>Compiles <paramref name="source"/> into &lt;assemblyName&gt;.dll; extra references are earlier outputs.</summary>
        public string Compile(string assemblyName, string source, params string[] references) =>
            Compile(assemblyName, source, LanguageVersion.CSharp10, references);

        /// <summary>As <see cref="Compile(string, string, string[])"/>, in another C# version than the nano projects' 10.</summary>
        public string Compile(string assemblyName, string source, LanguageVersion version, params string[] references)
        {
            var refs = new List<MetadataReference> { MetadataReference.CreateFromFile(Metadata("NanoMscorlib")) };
            refs.AddRange(references.Select(r => MetadataReference.CreateFromFile(r)));
            var compilation = CSharpCompilation.Create(
                assemblyName,
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(version)) },
                refs,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

            string path = Path.Combine(_folder, assemblyName + ".dll");
            var result = compilation.Emit(path);
            if (!result.Success)
            {
                throw new InvalidOperationException("Snippet did not compile: " + string.Join(Environment.NewLine, result.Diagnostics));
            }

            return path;
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);
    }
}
