using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using Xunit;

namespace NanoFleet.Hal.Esp32.Tests
{
    /// <summary>
    /// The native glue must implement exactly the InternalCall methods the managed side declares. (The
    /// IL check of the nano builds, compiler-embedded types included, runs in tools/test.sh.)
    /// </summary>
    public class NanoAssembliesTests
    {
        [Theory]
        [InlineData("NativeFlash")]
        [InlineData("NativeUart")]
        public void NativeGlue_ImplementsExactlyTheDeclaredInternalCalls(string nativeClass)
        {
            string glue = File.ReadAllText(RepoPaths.Combine($"hal/NanoFleet.Hal.Esp32/native/nanoclr/nanofleet_hal_esp32_NanoFleet_Hal_Esp32_{nativeClass}.cpp"));
            var implemented = Regex.Matches(glue, $@"HRESULT {nativeClass}::(\w+)\(CLR_RT_StackFrame &stack\)")
                .Select(m => m.Groups[1].Value).OrderBy(n => n, StringComparer.Ordinal).ToList();

            var declared = InternalCallStubNames(RepoPaths.NanoAssembly("NanoFleet.Hal.Esp32.Nano", "NanoFleet.Hal.Esp32.dll"), "NanoFleet.Hal.Esp32", nativeClass);

            Assert.NotEmpty(declared);
            Assert.Equal(declared, implemented);
        }

        [Fact]
        public void NativeGlue_ClassNameMatchesTheStubProjectName()
        {
            string nfproj = File.ReadAllText(RepoPaths.Combine("hal/NanoFleet.Hal.Esp32/NanoFleet.Hal.Esp32.nfproj"));
            string skeleton = Regex.Match(nfproj, "<NF_GenerateSkeletonProjectName>(.*)</NF_GenerateSkeletonProjectName>").Groups[1].Value;
            string glue = File.ReadAllText(RepoPaths.Combine("hal/NanoFleet.Hal.Esp32/native/nanoclr/nanofleet_hal_esp32_NanoFleet_Hal_Esp32_NativeFlash.cpp"));

            Assert.Contains("#include \"" + skeleton + ".h\"", glue);
            Assert.Contains("typedef Library_" + skeleton + "_NanoFleet_Hal_Esp32_NativeFlash NativeFlash;", glue);
        }

        [Fact]
        public void StatusMap_AgreesWithTheNativeEnumForEveryValue()
        {
            // nf_flash_status numbers from the header, through NativeFlash.ToHalStatus, must land on the HalStatus of the same name.
            string header = File.ReadAllText(RepoPaths.Combine("hal/NanoFleet.Hal.Esp32/native/include/nanofleet_flash.h"));
            var native = Regex.Matches(header, @"NF_FLASH_(\w+) = (\d+),").ToDictionary(m => m.Groups[1].Value.Replace("_", ""), m => int.Parse(m.Groups[2].Value));

            Assert.Equal(8, native.Count);
            foreach (var (name, value) in native)
            {
                Assert.Equal(name, NativeFlash.ToHalStatus(value).ToString(), ignoreCase: true);
            }

            Assert.Equal(HalStatus.Error, NativeFlash.ToHalStatus(99));
            Assert.Equal(HalStatus.Error, NativeFlash.ToHalStatus(-1));
        }

        // The MetadataProcessor names a native stub Method___[STATIC__]RET__ARG1__ARG2...; this covers the
        // primitive, string and single-dimensional array signatures NativeFlash uses and fails on anything else.
        private static List<string> InternalCallStubNames(string assemblyPath, string ns, string typeName)
        {
            using var pe = new PEReader(File.OpenRead(assemblyPath));
            var md = pe.GetMetadataReader();
            var type = md.TypeDefinitions.Select(md.GetTypeDefinition)
                .Single(t => md.GetString(t.Namespace) == ns && md.GetString(t.Name) == typeName);
            var names = new List<string>();
            foreach (var handle in type.GetMethods())
            {
                var method = md.GetMethodDefinition(handle);
                if ((method.ImplAttributes & MethodImplAttributes.InternalCall) == 0)
                {
                    continue;
                }

                var signature = method.DecodeSignature(new StubTypeNames(), null);
                string prefix = (method.Attributes & MethodAttributes.Static) != 0 ? "STATIC__" : "";
                string args = string.Concat(signature.ParameterTypes.Select(p => "__" + p));
                names.Add(md.GetString(method.Name) + "___" + prefix + signature.ReturnType + args);
            }

            names.Sort(StringComparer.Ordinal);
            return names;
        }

        private sealed class StubTypeNames : ISignatureTypeProvider<string, object?>
        {
            public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
            {
                PrimitiveTypeCode.Void => "VOID",
                PrimitiveTypeCode.Boolean => "BOOLEAN",
                PrimitiveTypeCode.Byte => "U1",
                PrimitiveTypeCode.SByte => "I1",
                PrimitiveTypeCode.Int16 => "I2",
                PrimitiveTypeCode.UInt16 => "U2",
                PrimitiveTypeCode.Int32 => "I4",
                PrimitiveTypeCode.UInt32 => "U4",
                PrimitiveTypeCode.Int64 => "I8",
                PrimitiveTypeCode.UInt64 => "U8",
                PrimitiveTypeCode.String => "STRING",
                _ => throw new NotSupportedException("stub name for " + typeCode),
            };

            public string GetSZArrayType(string elementType) => "SZARRAY_" + elementType;

            public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => throw new NotSupportedException("class-typed native argument");

            public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => throw new NotSupportedException("class-typed native argument");

            public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) => throw new NotSupportedException();

            public string GetArrayType(string elementType, ArrayShape shape) => throw new NotSupportedException();

            public string GetByReferenceType(string elementType) => "BYREF_" + elementType;

            public string GetPointerType(string elementType) => throw new NotSupportedException();

            public string GetPinnedType(string elementType) => throw new NotSupportedException();

            public string GetGenericInstantiation(string genericType, System.Collections.Immutable.ImmutableArray<string> typeArguments) => throw new NotSupportedException();

            public string GetGenericMethodParameter(object? genericContext, int index) => throw new NotSupportedException();

            public string GetGenericTypeParameter(object? genericContext, int index) => throw new NotSupportedException();

            public string GetFunctionPointerType(MethodSignature<string> signature) => throw new NotSupportedException();

            public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        }
    }
}
