using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NanoFleet.IlCheck;
using Xunit;

namespace NanoFleet.Hal.Esp32.Tests
{
    /// <summary>
    /// The TestFramework .nfproj (assembly NFUnitTest) cannot be built here, so its sources, the
    /// files the host bridge runs, are compiled the way it compiles them: against nanoFramework's
    /// mscorlib, the nano-profile core and HAL, and the TestFramework surface. The result must pass
    /// the IL check: a generic in a test compiles and runs under xunit but crashes the nanoCLR's test run.
    /// </summary>
    public sealed class NanoTestSourcesTests : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("nanofleet-nfunittest-").FullName;

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public void NanoTests_CompileAsNFUnitTest_AndPassTheIlCheck()
        {
            var options = new CSharpParseOptions(LanguageVersion.CSharp13);
            var trees = Directory.EnumerateFiles(RepoPaths.Combine("tests/NanoFleet.Provisioning.Tests/Nano"), "*.cs", SearchOption.AllDirectories)
                .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), options, path))
                .Append(CSharpSyntaxTree.ParseText(TestFrameworkDeclarations.Generate(typeof(nanoFramework.TestFramework.Assert).Assembly), options, "TestFrameworkDeclarations.g.cs"))
                .ToList();
            var references = new[]
            {
                RepoPaths.NanoMscorlib,
                RepoPaths.NanoAssembly("NanoFleet.Hal.Nano", "NanoFleet.Hal.dll"),
                RepoPaths.NanoAssembly("NanoFleet.Provisioning.Nano", "NanoFleet.Provisioning.dll"),
            }.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));

            // Nullable stays off: the device build reports nullability as warnings, never as errors.
            var compilation = CSharpCompilation.Create("NFUnitTest", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            string output = Path.Combine(_folder, "NFUnitTest.dll");
            var emitted = compilation.Emit(output);

            var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, "The nano tests do not compile for the nanoCLR:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
            var violations = NanoProfileChecker.Check(output, new[] { "NanoFleet.Hal", "NanoFleet.Provisioning" });
            Assert.True(violations.Count == 0, "The nano tests would crash the nanoCLR:" + Environment.NewLine + string.Join(Environment.NewLine, violations));
        }
    }
}
