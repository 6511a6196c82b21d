using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace NanoFleet.IlCheck
{
    /// <summary>
    /// Reads an assembly's metadata tables and reports what the genuine nanoCLR cannot run: generics
    /// compile and convert without a warning but crash it at run time (reference/nanoframework.md §11),
    /// so this check is the only guard before a device.
    /// </summary>
    public static class NanoProfileChecker
    {

        /// <summary>Checks one assembly file.</summary>
        /// <param name="path">The compiled nano-profile assembly.</param>
        /// <param name="allowedReferences">Assembly names besides mscorlib that may be referenced (our own portable assemblies).</param>
        /// <returns>Every violation found; empty when the assembly is clean.</returns>
        public static IReadOnlyList<NanoProfileViolation> Check(string path, ICollection<string> allowedReferences)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            var md = pe.GetMetadataReader();
            var found = new List<NanoProfileViolation>();
            string file = Path.GetFileName(path);
            var names = new MemberNames(md);

            void Add(string rule, string member) => found.Add(new NanoProfileViolation(file, rule, member));

            foreach (var handle in md.AssemblyReferences)
            {
                string name = md.GetString(md.GetAssemblyReference(handle).Name);
                if (name != "mscorlib" && !allowedReferences.Contains(name))
                {
                    Add("ForeignReference", name);
                }
            }

            foreach (var handle in md.TypeDefinitions)
            {
                var type = md.GetTypeDefinition(handle);
                if (type.GetGenericParameters().Count > 0)
                {
                    Add("GenericDefinition", names.Of(handle));
                }

                foreach (var methodHandle in type.GetMethods())
                {
                    var method = md.GetMethodDefinition(methodHandle);
                    if (method.GetGenericParameters().Count > 0)
                    {
                        Add("GenericDefinition", names.Of(handle) + "." + md.GetString(method.Name));
                    }
                }
            }

            if (CompilerEmbeddedTypes.DeclaresInternalCalls(md))
            {
                foreach (var handle in CompilerEmbeddedTypes.In(md))
                {
                    Add("CompilerEmbeddedType", names.Of(handle));
                }
            }

            for (int row = 1; row <= md.GetTableRowCount(TableIndex.MethodSpec); row++)
            {
                var spec = md.GetMethodSpecification(MetadataTokens.MethodSpecificationHandle(row));
                Add("GenericInstantiation", "method " + names.OfMethod(spec.Method));
            }

            for (int row = 1; row <= md.GetTableRowCount(TableIndex.TypeSpec); row++)
            {
                var handle = MetadataTokens.TypeSpecificationHandle(row);
                var shape = SignatureShape.Of(md.GetBlobReader(md.GetTypeSpecification(handle).Signature));
                if (shape == SignatureShape.GenericInstance)
                {
                    Add("GenericInstantiation", "type " + names.Of(handle));
                }
                else if (shape == SignatureShape.MultiDimensionalArray)
                {
                    Add("MultiDimensionalArray", "type " + names.Of(handle));
                }
            }

            // Generic instantiations and md-arrays also hide inside member signatures
            // (fields, method parameters, locals) without a TypeSpec row of their own.
            foreach (var handle in md.MemberReferences)
            {
                var reference = md.GetMemberReference(handle);
                if (reference.Parent.Kind == HandleKind.TypeSpecification)
                {
                    continue; // already reported through its TypeSpec
                }

                if (SignatureShape.Contains(md.GetBlobReader(reference.Signature), SignatureShape.GenericInstance))
                {
                    Add("GenericInstantiation", "signature of " + names.OfMethod(handle));
                }
                else if (SignatureShape.Contains(md.GetBlobReader(reference.Signature), SignatureShape.MultiDimensionalArray))
                {
                    Add("MultiDimensionalArray", "signature of " + names.OfMethod(handle));
                }
            }

            foreach (var handle in md.TypeDefinitions)
            {
                var type = md.GetTypeDefinition(handle);
                foreach (var fieldHandle in type.GetFields())
                {
                    var field = md.GetFieldDefinition(fieldHandle);
                    string member = names.Of(handle) + "." + md.GetString(field.Name);
                    CheckSignature(md.GetBlobReader(field.Signature), member, Add);
                }

                foreach (var methodHandle in type.GetMethods())
                {
                    var method = md.GetMethodDefinition(methodHandle);
                    string member = names.Of(handle) + "." + md.GetString(method.Name);
                    CheckSignature(md.GetBlobReader(method.Signature), member, Add);
                    if (method.RelativeVirtualAddress != 0)
                    {
                        var body = pe.GetMethodBody(method.RelativeVirtualAddress);
                        if (!body.LocalSignature.IsNil)
                        {
                            var locals = md.GetStandaloneSignature(body.LocalSignature);
                            CheckSignature(md.GetBlobReader(locals.Signature), member + " (locals)", Add);
                        }
                    }
                }
            }

            return found;
        }

        private static void CheckSignature(BlobReader blob, string member, Action<string, string> add)
        {
            if (SignatureShape.Contains(blob, SignatureShape.GenericInstance))
            {
                add("GenericInstantiation", "signature of " + member);
            }
            else if (SignatureShape.Contains(blob, SignatureShape.MultiDimensionalArray))
            {
                add("MultiDimensionalArray", "signature of " + member);
            }
        }
    }
}
