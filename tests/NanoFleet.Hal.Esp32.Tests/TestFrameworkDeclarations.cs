using System;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;

namespace NanoFleet.Hal.Esp32.Tests
{
    /// <summary>
    /// Writes signatures-only C# for the nanoFramework.TestFramework surface, read by reflection from
    /// the host shim (tests/NanoFleet.TestFramework.Host, a copy of the real 3.0.77 API), so the
    /// nano test sources can be compiled against nanoFramework's mscorlib the way
    /// the TestFramework .nfproj compiles them. Generated from the shim so the two cannot drift.
    /// </summary>
    internal static class TestFrameworkDeclarations
    {
        // The real package's namespaces: its AssertFailedException lives in TestFrameworkShared.
        private static readonly string[] TestFrameworkNamespaces = { "nanoFramework.TestFramework", "TestFrameworkShared" };

        public static string Generate(Assembly shim)
        {
            var text = new StringBuilder();
            foreach (var space in shim.GetExportedTypes().Where(t => TestFrameworkNamespaces.Contains(t.Namespace)).GroupBy(t => t.Namespace!).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                text.Append("namespace ").Append(space.Key).Append("\n{\n");
                foreach (Type type in space.OrderBy(t => t.Name, StringComparer.Ordinal))
                {
                    AppendType(text, type);
                }

                text.Append("}\n");
            }

            return text.ToString();
        }

        private static void AppendType(StringBuilder text, Type type)
        {
            bool isStatic = type.IsAbstract && type.IsSealed;
            string kind = isStatic ? "static class" : type.IsSealed ? "sealed class" : "class";
            string baseClause = type.BaseType == null || type.BaseType == typeof(object) ? "" : " : " + TypeName(type.BaseType);
            var usage = type.GetCustomAttribute<AttributeUsageAttribute>(inherit: false);
            if (usage != null)
            {
                text.Append("    [global::System.AttributeUsage((global::System.AttributeTargets)").Append((int)usage.ValidOn)
                    .Append(", AllowMultiple = ").Append(usage.AllowMultiple ? "true" : "false").Append(")]\n");
            }

            text.Append("    public ").Append(kind).Append(' ').Append(type.Name).Append(baseClause).Append("\n    {\n");
            foreach (ConstructorInfo ctor in type.GetConstructors(BindingFlags.Public | BindingFlags.Instance))
            {
                text.Append("        public ").Append(type.Name).Append('(').Append(Parameters(ctor)).Append(") => throw new global::System.NotImplementedException();\n");
            }

            const BindingFlags declared = BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
            foreach (PropertyInfo property in type.GetProperties(declared))
            {
                text.Append("        public ").Append(TypeName(property.PropertyType)).Append(' ').Append(property.Name).Append(" => throw new global::System.NotImplementedException();\n");
            }

            foreach (MethodInfo method in type.GetMethods(declared).Where(m => !m.IsSpecialName))
            {
                text.Append("        public ").Append(method.IsStatic ? "static " : "").Append(TypeName(method.ReturnType)).Append(' ')
                    .Append(method.Name).Append('(').Append(Parameters(method)).Append(") => throw new global::System.NotImplementedException();\n");
            }

            text.Append("    }\n");
        }

        private static string Parameters(MethodBase method) => string.Join(", ", method.GetParameters().Select(p =>
            (p.IsDefined(typeof(ParamArrayAttribute)) ? "params " : "") + TypeName(p.ParameterType) + " " + p.Name +
            (p.HasDefaultValue ? " = " + Literal(p.DefaultValue) : "")));

        private static string TypeName(Type type)
        {
            if (type.IsArray)
            {
                return TypeName(type.GetElementType()!) + "[]";
            }

            if (type.IsGenericType)
            {
                throw new NotSupportedException("The TestFramework surface has no generics on nanoFramework: " + type);
            }

            return Type.GetTypeCode(type) switch
            {
                TypeCode.Boolean => "bool",
                TypeCode.Byte => "byte",
                TypeCode.SByte => "sbyte",
                TypeCode.Char => "char",
                TypeCode.Int16 => "short",
                TypeCode.UInt16 => "ushort",
                TypeCode.Int32 => "int",
                TypeCode.UInt32 => "uint",
                TypeCode.Int64 => "long",
                TypeCode.UInt64 => "ulong",
                TypeCode.Single => "float",
                TypeCode.Double => "double",
                TypeCode.String => "string",
                _ when type == typeof(void) => "void",
                _ when type == typeof(object) => "object",
                _ => "global::" + type.FullName,
            };
        }

        private static string Literal(object? value) => value switch
        {
            null => "null",
            string s => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
            bool b => b ? "true" : "false",
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => throw new NotSupportedException("default value " + value),
        };
    }
}
