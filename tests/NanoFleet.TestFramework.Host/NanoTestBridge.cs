using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.ExceptionServices;
using nanoFramework.TestFramework;

namespace NanoFleet.TestFramework.Host
{
    /// <summary>
    /// Runs nanoFramework.TestFramework-style tests under xunit: every [TestMethod] (and every
    /// [DataRow] of it) becomes one xunit theory case named "Class.Method" or "Class.Method#row", so a
    /// failure names the method. Each case gets a fresh instance with [Setup] before and [Cleanup]
    /// after. The nano UnitTestLauncher instead runs [Setup] once per class and invokes every test
    /// without an instance; the two agree only for test classes that hold no state, which
    /// <see cref="StatefulFields"/> lets a suite check.
    /// </summary>
    /// <example>
    /// <code>
    /// public class CoreTests
    /// {
    ///     public static IEnumerable&lt;object[]&gt; Cases => NanoTestBridge.Cases(typeof(CoreTests).Assembly);
    ///     [Theory, MemberData(nameof(Cases))]
    ///     public void Run(string test) => NanoTestBridge.Run(typeof(CoreTests).Assembly, test);
    /// }
    /// </code>
    /// </example>
    public static class NanoTestBridge
    {
        /// <summary>Lists every test case in <paramref name="assembly"/>, sorted by name.</summary>
        public static IEnumerable<object[]> Cases(Assembly assembly)
        {
            return Discover(assembly).Select(c => new object[] { c.Name }).ToList();
        }

        /// <summary>Names of the [TestClass] types in <paramref name="assembly"/>.</summary>
        public static IReadOnlyList<string> TestClassNames(Assembly assembly)
        {
            return TestClasses(assembly).Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
        }

        /// <summary>Runs one case by name; rethrows the test's own failure.</summary>
        public static void Run(Assembly assembly, string name)
        {
            var testCase = Discover(assembly).SingleOrDefault(c => c.Name == name)
                ?? throw new InvalidOperationException($"No nano test named '{name}'.");
            object instance = Activator.CreateInstance(testCase.Method.DeclaringType!)!;
            try
            {
                InvokeMarked(instance, typeof(SetupAttribute));
                testCase.Method.Invoke(instance, testCase.Arguments);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is SkipTestException skip)
            {
                Console.WriteLine($"SKIPPED {name}: {skip.Message}");
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            }
            finally
            {
                InvokeMarked(instance, typeof(CleanupAttribute));
            }
        }

        /// <summary>
        /// Fields of [TestClass] types that would carry state between tests on a device, as
        /// "Class.field": instance fields (unreachable there: tests run without an instance) and
        /// mutable static fields (they leak from one test into the next). Constants and static
        /// readonly fields are fine.
        /// </summary>
        public static IReadOnlyList<string> StatefulFields(Assembly assembly) =>
            TestClasses(assembly)
                .SelectMany(t => t.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                    .Where(f => !f.IsLiteral && !(f.IsStatic && f.IsInitOnly))
                    .Select(f => t.Name + "." + f.Name))
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToList();

        private static IEnumerable<Type> TestClasses(Assembly assembly) =>
            assembly.GetTypes().Where(t => t.GetCustomAttribute<TestClassAttribute>() is not null);

        private static List<NanoTestCase> Discover(Assembly assembly)
        {
            var cases = new List<NanoTestCase>();
            foreach (var type in TestClasses(assembly))
            {
                foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
                {
                    if (method.GetCustomAttribute<TestMethodAttribute>() is null) continue;
                    var rows = method.GetCustomAttributes<DataRowAttribute>().ToList();
                    string baseName = type.Name + "." + method.Name;
                    if (rows.Count == 0)
                    {
                        cases.Add(new NanoTestCase(baseName, method, null));
                    }
                    else
                    {
                        for (int i = 0; i < rows.Count; i++)
                        {
                            cases.Add(new NanoTestCase(baseName + "#" + i, method, rows[i].MethodParameters));
                        }
                    }
                }
            }

            cases.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            return cases;
        }

        private static void InvokeMarked(object instance, Type attribute)
        {
            foreach (var method in instance.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance))
            {
                if (method.GetCustomAttribute(attribute) is null) continue;
                try
                {
                    method.Invoke(instance, null);
                }
                catch (TargetInvocationException ex) when (ex.InnerException is not null)
                {
                    ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                }
            }
        }

        private sealed record NanoTestCase(string Name, MethodInfo Method, object[]? Arguments);
    }
}
