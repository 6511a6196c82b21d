using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using TestFrameworkShared;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Host copy of nanoFramework.TestFramework 3.0.77's Assert (source/TestFramework/Assert*.cs): the
    /// same class shape, members, overloads and parameter names, and the same semantics where they
    /// differ from MSTest (IsInstanceOfType wants the exact type). It offers nothing the real one
    /// lacks: there is no Assert.Fail, and the [Obsolete] aliases (Equal, True, Null, …) are left
    /// out so no test starts using them. Anything more would compile here and break on the device.
    /// </summary>
    public sealed partial class Assert
    {
        /// <summary>Fails if both refer to the same object.</summary>
        public static void AreNotSame(object? notExpected, object? actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (ReferenceEquals(notExpected, actual)) HandleFail("Assert.AreNotSame", message);
        }

        /// <summary>Fails unless both refer to the same object.</summary>
        public static void AreSame(object? expected, object? actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!ReferenceEquals(expected, actual)) HandleFail("Assert.AreSame", message);
        }

        /// <summary>Fails unless <paramref name="value"/> contains <paramref name="expected"/>.</summary>
        public static void Contains(string expected, string value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            EnsureParameterIsNotNull(expected, "Assert.Contains");
            EnsureParameterIsNotNull(value, "Assert.Contains");
            if (!value.Contains(expected, StringComparison.Ordinal)) HandleFail("Assert.Contains", $"'{value}' does not contain '{expected}'. {message}");
        }

        /// <summary>Fails if <paramref name="value"/> contains <paramref name="notExpected"/>.</summary>
        public static void DoesNotContains(string notExpected, string value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            EnsureParameterIsNotNull(notExpected, "Assert.DoesNotContains");
            EnsureParameterIsNotNull(value, "Assert.DoesNotContains");
            if (value.Contains(notExpected, StringComparison.Ordinal)) HandleFail("Assert.DoesNotContains", $"'{value}' should not contain '{notExpected}'. {message}");
        }

        /// <summary>Fails unless <paramref name="value"/> ends with <paramref name="expected"/>.</summary>
        public static void EndsWith(string expected, string value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            EnsureParameterIsNotNull(expected, "Assert.EndsWith");
            EnsureParameterIsNotNull(value, "Assert.EndsWith");
            if (!value.EndsWith(expected, StringComparison.Ordinal)) HandleFail("Assert.EndsWith", $"'{value}' does not end with '{expected}'. {message}");
        }

        /// <summary>Fails unless the condition is false.</summary>
        public static void IsFalse(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "")
        {
            if (condition) HandleFail("Assert.IsFalse", message);
        }

        /// <summary>Fails unless <paramref name="value"/>'s type is exactly <paramref name="expected"/> (a subclass fails, as on the device).</summary>
        public static void IsInstanceOfType(object? value, Type expected, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            EnsureParameterIsNotNull(expected, "Assert.IsInstanceOfType");
            if (value is null || expected != value.GetType()) HandleFail("Assert.IsInstanceOfType", $"Expected type:<{expected}>. Actual type:<{ReplaceNulls(value?.GetType())}>. {message}");
        }

        /// <summary>Fails if <paramref name="value"/>'s type is exactly <paramref name="notExpected"/>.</summary>
        public static void IsNotInstanceOfType(object? value, Type notExpected, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            EnsureParameterIsNotNull(notExpected, "Assert.IsNotInstanceOfType");
            if (value is not null && notExpected == value.GetType()) HandleFail("Assert.IsNotInstanceOfType", $"Wrong type:<{notExpected}>. {message}");
        }

        /// <summary>Fails if the value is null.</summary>
        public static void IsNotNull([NotNull] object? value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (value is null) HandleFail("Assert.IsNotNull", message);
        }

        /// <summary>Fails unless the value is null.</summary>
        public static void IsNull(object? value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (value is not null) HandleFail("Assert.IsNull", message);
        }

        /// <summary>Fails unless the condition is true.</summary>
        public static void IsTrue(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "")
        {
            if (!condition) HandleFail("Assert.IsTrue", message);
        }

        /// <summary>Stops the test and reports it skipped.</summary>
        [DoesNotReturn]
        public static void SkipTest(string? message = null) => throw new SkipTestException(message);

        /// <summary>Fails unless <paramref name="value"/> starts with <paramref name="expected"/>.</summary>
        public static void StartsWith(string expected, string value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            EnsureParameterIsNotNull(expected, "Assert.StartsWith");
            EnsureParameterIsNotNull(value, "Assert.StartsWith");
            if (!value.StartsWith(expected, StringComparison.Ordinal)) HandleFail("Assert.StartsWith", $"'{value}' does not start with '{expected}'. {message}");
        }

        /// <summary>Fails unless <paramref name="action"/> throws exactly <paramref name="exception"/> (not a subclass).</summary>
        public static void ThrowsException(Type exception, Action action, [CallerArgumentExpression(nameof(action))] string message = "")
        {
            EnsureParameterIsNotNull(action, "Assert.ThrowsException");
            EnsureParameterIsNotNull(exception, "Assert.ThrowsException");
            try
            {
                action.Invoke();
            }
            catch (Exception ex)
            {
                if (exception == ex.GetType()) return;
                HandleFail("Assert.ThrowsException", $"Threw exception {ex.GetType().Name}, but exception {exception.Name} was expected. {message}\r\nException Message: {ex.Message}");
            }

            HandleFail("Assert.ThrowsException", $"No exception thrown. {exception.Name} exception was expected. {message}");
        }

        // Internal, as upstream: tests cannot call them (the real API has no Assert.Fail).
        internal static void EnsureParameterIsNotNull(object? value, string assertion, [CallerArgumentExpression(nameof(value))] string parameter = "")
        {
            if (value is null) HandleFail(assertion, $"The parameter '{parameter}' is invalid. The value cannot be null.");
        }

        [DoesNotReturn]
        internal static void HandleFail(string assertion, string message) => throw new AssertFailedException($"{assertion} failed. {message}");

        private static string ReplaceNulls(object? input) => input?.ToString() ?? "(null)";
    }
}
