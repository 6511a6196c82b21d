using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace NanoFleet.IlCheck.Tests
{
    /// <summary>
    /// Each rule of the IL check, proven on a real assembly compiled against nanoFramework's mscorlib:
    /// the violation is found, under the right rule, naming the member to fix.
    /// </summary>
    public sealed class NanoProfileCheckerTests : IDisposable
    {
        private static readonly string[] NoneAllowed = Array.Empty<string>();
        private readonly NanoSnippetCompiler _compiler = new();

        public void Dispose() => _compiler.Dispose();

        [Fact]
        public void GenericClassDefinition_IsFlagged()
        {
            var found = Check("namespace Snippets { public class Box<T> { public T Value; } }");

            Assert.Contains(found, v => v.Rule == "GenericDefinition" && v.Member == "Snippets.Box`1");
        }

        [Fact]
        public void GenericMethodDefinition_IsFlagged()
        {
            var found = Check("namespace Snippets { public static class Util { public static T Echo<T>(T value) => value; } }");

            Assert.Contains(found, v => v.Rule == "GenericDefinition" && v.Member == "Snippets.Util.Echo");
        }

        [Fact]
        public void ListLikeInstantiation_IsFlagged()
        {
            // mscorlib 1.17.11 has no List<T>; a home-made generic list is the same mistake.
            var found = Check(@"namespace Snippets {
                public class Bag<T> { public void Add(T item) { } }
                public class User { public int Fill() { var bag = new Bag<int>(); bag.Add(1); return 1; } } }");

            Assert.Contains(found, v => v.Rule == "GenericInstantiation" && v.Member == "type Snippets.Bag`1<Int32>");
            Assert.Contains(found, v => v.Rule == "GenericInstantiation" && v.Member == "signature of Snippets.User.Fill (locals)");
        }

        [Fact]
        public void ActionOfIntField_IsFlagged()
        {
            var found = Check("namespace Snippets { public class Holder { public System.Action<int> Callback; } }");

            Assert.Contains(found, v => v.Rule == "GenericInstantiation" && v.Member == "signature of Snippets.Holder.Callback");
        }

        [Fact]
        public void FuncInALocal_IsFlagged()
        {
            var found = Check(@"namespace Snippets { public class User {
                public int Run(int x) { System.Func<int, int> twice = v => v * 2; return twice(x); } } }");

            Assert.Contains(found, v => v.Rule == "GenericInstantiation" && v.Member == "signature of Snippets.User.Run (locals)");
            Assert.Contains(found, v => v.Rule == "GenericInstantiation" && v.Member == "type System.Func`2<Int32,Int32>");
        }

        [Fact]
        public void GenericParameterAfterAClassTypedParameter_IsFlagged()
        {
            // A class-typed parameter (CLASS 0x12 + type handle in the blob) before the generic one must
            // not derail the signature walk.
            var found = Check("namespace Snippets { public class Taker { public void Take(System.EventArgs e, System.Action<int> then) { } } }");

            Assert.Contains(found, v => v.Rule == "GenericInstantiation" && v.Member == "signature of Snippets.Taker.Take");
        }

        [Fact]
        public void ForeignAssemblyReference_IsFlagged_UnlessAllowed()
        {
            string foreign = _compiler.Compile("Foreign", "namespace Foreign { public class Widget { public int Size; } }");
            string user = _compiler.Compile("User", "namespace Snippets { public class User { public int Measure(Foreign.Widget w) => w.Size; } }", foreign);

            Assert.Contains(NanoProfileChecker.Check(user, NoneAllowed), v => v.Rule == "ForeignReference" && v.Member == "Foreign");
            Assert.Empty(NanoProfileChecker.Check(user, new[] { "Foreign" }));
        }

        [Fact]
        public void MultiDimensionalArrayFieldAndLocal_AreFlagged()
        {
            var found = Check(@"namespace Snippets { public class Grid {
                public int[,] Cells;
                public int Make() { var scratch = new int[2, 3]; scratch[1, 2] = 5; return scratch[1, 2]; } } }");

            Assert.Contains(found, v => v.Rule == "MultiDimensionalArray" && v.Member == "signature of Snippets.Grid.Cells");
            Assert.Contains(found, v => v.Rule == "MultiDimensionalArray" && v.Member == "signature of Snippets.Grid.Make (locals)");
        }

        [Fact]
        public void CSharp11Build_IsFlaggedForItsEmbeddedAttributes()
        {
            const string nativeMethod = @"namespace Snippets { public static class Flash {
                [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)]
                public static extern int Read(uint offset); } }";

            string csharp11 = _compiler.Compile("Snippet11", nativeMethod, LanguageVersion.CSharp11);
            var found = NanoProfileChecker.Check(csharp11, NoneAllowed);

            Assert.Contains(found, v => v.Rule == "CompilerEmbeddedType" && v.Member == "System.Runtime.CompilerServices.RefSafetyRulesAttribute");
            Assert.Contains(found, v => v.Rule == "CompilerEmbeddedType" && v.Member == "Microsoft.CodeAnalysis.EmbeddedAttribute");
            Assert.Empty(NanoProfileChecker.Check(_compiler.Compile("Snippet10", nativeMethod), NoneAllowed));
        }

        [Fact]
        public void NullableAnnotationBesideANativeMethod_IsFlagged()
        {
            var found = Check(@"namespace Snippets { public static class Flash {
                public static string? Label;
                [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)]
                public static extern int Read(uint offset); } }");

            Assert.Contains(found, v => v.Rule == "CompilerEmbeddedType" && v.Member == "System.Runtime.CompilerServices.NullableAttribute");
        }

        [Fact]
        public void EmbeddedTypesWithoutNativeMethods_AreHarmless()
        {
            // No native method table to shift: the core and the HAL interfaces keep their annotations.
            Assert.Empty(Check("namespace Snippets { public static class Names { public static string? Label; } }"));
        }

        [Fact]
        public void CleanNanoCode_HasNoViolation()
        {
            var found = Check(@"using System; using System.Collections;
                namespace Snippets {
                public delegate void ChangedHandler(object sender, EventArgs e);
                public interface IShape { int Area(); }
                public struct Square : IShape { public int Side; public int Area() => Side * Side; }
                public sealed class Registry {
                    private readonly ArrayList _items = new ArrayList();
                    private readonly byte[][] _blocks = new byte[2][];
                    public event ChangedHandler Changed;
                    public void Add(string name) { _items.Add(name); Changed?.Invoke(this, EventArgs.Empty); }
                    public string Describe() { string text = """"; foreach (string s in _items) { text += s; } return string.Format(""{0} items"", _items.Count) + text; }
                    public int Total(IShape[] shapes) { int sum = 0; Action reset = () => sum = 0; foreach (IShape s in shapes) { sum += s.Area(); } return sum + _blocks.Length; }
                } }");

            Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
        }

        [Fact]
        public void RealNanoProfileCore_Passes()
        {
            var found = NanoProfileChecker.Check(NanoSnippetCompiler.Metadata("NanoProvisioning"), new[] { "NanoFleet.Hal" });

            Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
        }

        private IReadOnlyList<NanoProfileViolation> Check(string source)
        {
            string path = _compiler.Compile("Snippet" + Guid.NewGuid().ToString("N"), source);
            return NanoProfileChecker.Check(path, NoneAllowed);
        }
    }
}
