using System;

// Host copies of nanoFramework.TestFramework 3.0.77's attributes (source/TestFrameworkShared): same
// names, usage, inheritance (none sealed) and members, so the same test files compile here and in a
// .nfproj against the real package.
namespace nanoFramework.TestFramework
{
    /// <summary>Marks a class holding test methods.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
        /// <summary>The attribute to run a test method with; extensions may override it.</summary>
        public virtual TestMethodAttribute GetTestMethodAttribute(TestMethodAttribute testMethodAttribute) => testMethodAttribute;
    }

    /// <summary>Marks a test method.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute
    {
    }

    /// <summary>Marks a method that runs before the tests of its class.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class SetupAttribute : Attribute
    {
    }

    /// <summary>Marks a method that runs after the tests of its class.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class CleanupAttribute : Attribute
    {
    }

    /// <summary>Runs a test method once per row of arguments.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        /// <summary>Creates a row; like the real one, refuses a null or empty row.</summary>
        public DataRowAttribute(params object[] methodParameters)
        {
            if (methodParameters == null) throw new ArgumentNullException($"{nameof(methodParameters)} can not be null");
            if (methodParameters.Length == 0) throw new ArgumentException($"{nameof(methodParameters)} can not be empty");
            MethodParameters = methodParameters;
        }

        /// <summary>The arguments for this row.</summary>
        public object[] MethodParameters { get; }
    }
}
