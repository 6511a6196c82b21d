using System.Collections.Generic;
using System.Reflection;
using System.Reflection.Metadata;

namespace NanoFleet.IlCheck
{
    /// <summary>
    /// Types the C# compiler writes into an assembly when mscorlib lacks them (1.17.11 lacks all):
    /// Microsoft.CodeAnalysis.EmbeddedAttribute and every type marked with it, such as
    /// RefSafetyRulesAttribute (any C# 11+ build) and NullableAttribute (nullable annotations).
    /// Their constructors come first in the method table, so in an assembly with InternalCall methods
    /// every native index shifts once the MetadataProcessor converts it, and the native checksum does
    /// not notice: the first native call jumps to the wrong function (shared nanoframework README).
    /// </summary>
    internal static class CompilerEmbeddedTypes
    {
        public static bool DeclaresInternalCalls(MetadataReader md)
        {
            foreach (var handle in md.MethodDefinitions)
            {
                if ((md.GetMethodDefinition(handle).ImplAttributes & MethodImplAttributes.InternalCall) != 0) return true;
            }
            return false;
        }

        public static IEnumerable<TypeDefinitionHandle> In(MetadataReader md)
        {
            foreach (var handle in md.TypeDefinitions)
            {
                var type = md.GetTypeDefinition(handle);
                if (IsEmbeddedAttribute(md, handle) || IsMarkedEmbedded(md, type)) yield return handle;
            }
        }

        private static bool IsEmbeddedAttribute(MetadataReader md, TypeDefinitionHandle handle)
        {
            var type = md.GetTypeDefinition(handle);
            return md.StringComparer.Equals(type.Name, "EmbeddedAttribute") && md.StringComparer.Equals(type.Namespace, "Microsoft.CodeAnalysis");
        }

        private static bool IsMarkedEmbedded(MetadataReader md, TypeDefinition type)
        {
            foreach (var attributeHandle in type.GetCustomAttributes())
            {
                var constructor = md.GetCustomAttribute(attributeHandle).Constructor;
                if (constructor.Kind == HandleKind.MethodDefinition &&
                    IsEmbeddedAttribute(md, md.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType())) return true;
            }
            return false;
        }
    }
}
