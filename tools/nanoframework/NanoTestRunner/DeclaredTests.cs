using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace NanoFleet.NanoTestRunner
{
    /// <summary>
    /// The tests a nanoFramework test assembly declares, read from its IL metadata the way the
    /// UnitTestLauncher 3.0.77 finds them: public methods of [TestClass] types; a method with
    /// [DataRow]s runs once a row (its [TestMethod] is then ignored), else once for [TestMethod].
    /// [Setup] and [Cleanup] report too, as fixtures. Knowing the full list is what lets a run that
    /// stopped half way (the nanoCLR prints nothing for an unhandled exception) fail.
    /// </summary>
    internal sealed class DeclaredTests
    {
        /// <summary>"Namespace.Class.Method" → how many result lines it owes (rows, or 1).</summary>
        public Dictionary<string, int> Tests { get; } = new(StringComparer.Ordinal);

        /// <summary>[Setup] and [Cleanup] methods, by the same name shape.</summary>
        public HashSet<string> Fixtures { get; } = new(StringComparer.Ordinal);

        public int TestCount { get; private set; }

        public static DeclaredTests Read(string assemblyPath)
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            MetadataReader md = pe.GetMetadataReader();
            var declared = new DeclaredTests();
            foreach (TypeDefinitionHandle typeHandle in md.TypeDefinitions)
            {
                TypeDefinition type = md.GetTypeDefinition(typeHandle);
                if (!HasAttribute(md, type.GetCustomAttributes(), "TestClassAttribute")) continue;
                string typeName = FullName(md, type);
                foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
                {
                    MethodDefinition method = md.GetMethodDefinition(methodHandle);
                    if ((method.Attributes & System.Reflection.MethodAttributes.Public) == 0) continue;
                    string name = typeName + "." + md.GetString(method.Name);
                    int rows = 0;
                    bool test = false, fixture = false;
                    foreach (CustomAttributeHandle a in method.GetCustomAttributes())
                    {
                        switch (AttributeName(md, md.GetCustomAttribute(a)))
                        {
                            case "DataRowAttribute": rows++; break;
                            case "TestMethodAttribute": test = true; break;
                            case "SetupAttribute" or "CleanupAttribute": fixture = true; break;
                        }
                    }
                    if (fixture) declared.Fixtures.Add(name);
                    int runs = rows > 0 ? rows : test ? 1 : 0;
                    if (runs == 0) continue;
                    declared.Tests[name] = runs;
                    declared.TestCount += runs;
                }
            }
            return declared;
        }

        private static bool HasAttribute(MetadataReader md, CustomAttributeHandleCollection attributes, string name)
        {
            foreach (CustomAttributeHandle a in attributes)
            {
                if (AttributeName(md, md.GetCustomAttribute(a)) == name) return true;
            }
            return false;
        }

        // Attribute types of the test framework live in another assembly, so their constructor is a
        // MemberReference whose parent is a TypeReference; the name alone identifies them.
        private static string AttributeName(MetadataReader md, CustomAttribute attribute)
        {
            EntityHandle parent = attribute.Constructor.Kind switch
            {
                HandleKind.MemberReference => md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
                HandleKind.MethodDefinition => md.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
                _ => default,
            };
            return parent.Kind switch
            {
                HandleKind.TypeReference => md.GetString(md.GetTypeReference((TypeReferenceHandle)parent).Name),
                HandleKind.TypeDefinition => md.GetString(md.GetTypeDefinition((TypeDefinitionHandle)parent).Name),
                _ => "",
            };
        }

        private static string FullName(MetadataReader md, TypeDefinition type)
        {
            string name = md.GetString(type.Name);
            if (type.IsNested) return FullName(md, md.GetTypeDefinition(type.GetDeclaringType())) + "+" + name;
            string ns = md.GetString(type.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }
    }
}
