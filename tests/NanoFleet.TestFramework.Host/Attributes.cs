using System;

// Host stand-ins for nanoFramework.TestFramework's attributes (source/TestFrameworkShared in
// nanoframework/nanoFramework.TestFramework), written from their published signatures so that the
// same test files compile here and in a .nfproj against the real package.
namespace nanoFramework.TestFramework
{
    /// <summary>Marks a class holding test methods.</summary>
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class TestClassAttribute : Attribute
    {
    }

    /// <summary>Marks a test method.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class TestMethodAttribute : Attribute
    {
    }

    /// <summary>Marks a method that runs before the tests of its class.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class SetupAttribute : Attribute
    {
    }

    /// <summary>Marks a method that runs after the tests of its class.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class CleanupAttribute : Attribute
    {
    }

    /// <summary>Runs a test method once per row of arguments.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public sealed class DataRowAttribute : Attribute
    {
        /// <summary>Creates a row.</summary>
        public DataRowAttribute(params object[] methodParameters)
        {
            MethodParameters = methodParameters;
        }

        /// <summary>The arguments for this row.</summary>
        public object[] MethodParameters { get; }
    }
}
