using System;
using System.Runtime.CompilerServices;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Host copy of nanoFramework.TestFramework's Assert surface (typed overloads, no generics),
    /// written from its published signatures.
    /// </summary>
    public static class Assert
    {
        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(bool expected, bool actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual)) Fail($"AreEqual failed. Expected:<{expected}>. Actual:<{actual}>. {message}");
        }

        /// <summary>Fails if the values are equal.</summary>
        public static void AreNotEqual(bool notExpected, bool actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual)) Fail($"AreNotEqual failed. Value:<{actual}>. {message}");
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(byte expected, byte actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual)) Fail($"AreEqual failed. Expected:<{expected}>. Actual:<{actual}>. {message}");
        }

        /// <summary>Fails if the values are equal.</summary>
        public static void AreNotEqual(byte notExpected, byte actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual)) Fail($"AreNotEqual failed. Value:<{actual}>. {message}");
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(char expected, char actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual)) Fail($"AreEqual failed. Expected:<{expected}>. Actual:<{actual}>. {message}");
        }

        /// <summary>Fails if the values are equal.</summary>
        public static void AreNotEqual(char notExpected, char actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual)) Fail($"AreNotEqual failed. Value:<{actual}>. {message}");
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(sbyte expected, sbyte actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual)) Fail($"AreEqual failed. Expected:<{expected}>. Actual:<{actual}>. {message}");
        }

        /// <summary>Fails if the values are equal.</summary>
        public static void AreNotEqual(sbyte notExpected, sbyte actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual)) Fail($"AreNotEqual failed. Value:<{actual}>. {message}");
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(int expected, int actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual)) Fail($"AreEqual failed. Expected:<{expected}>. Actual:<{actual}>. {message}");
        }

        /// <summary>Fails if the values are equal.</summary>
        public static void AreNotEqual(int notExpected, int actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual)) Fail($"AreNotEqual failed. Value:<{actual}>. {message}");
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(uint expected, uint actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual)) Fail($"AreEqual failed. Expected:<{expected}>. Actual:<{actual}>. {message}");
        }

        /// <summary>Fails if the values are equal.</summary>
        public static void AreNotEqual(uint notExpected, uint actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual)) Fail($"AreNotEqual failed. Value:<{actual}>. {message}");
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(short expected, short actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual)) Fail($"AreEqual failed. Expected:<{expected}>. Actual:<{actual}>. {message}");
        }

        /// <summary>Fails if the values are equal.</summary>
        public static void AreNotEqual(short notExpected, short actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual)) Fail($"AreNotEqual failed. Value:<{actual}>. {message}");
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(ushort expected, ushort actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual)) Fail($"AreEqual failed. Expected:<{expected}>. Actual:<{actual}>. {message}");
        }

        /// <summary>Fails if the values are equal.</summary>
        public static void AreNotEqual(ushort notExpected, ushort actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual)) Fail($"AreNotEqual failed. Value:<{actual}>. {message}");
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(long expected, long actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual)) Fail($"AreEqual failed. Expected:<{expected}>. Actual:<{actual}>. {message}");
        }

        /// <summary>Fails if the values are equal.</summary>
        public static void AreNotEqual(long notExpected, long actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual)) Fail($"AreNotEqual failed. Value:<{actual}>. {message}");
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(ulong expected, ulong actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual)) Fail($"AreEqual failed. Expected:<{expected}>. Actual:<{actual}>. {message}");
        }

        /// <summary>Fails if the values are equal.</summary>
        public static void AreNotEqual(ulong notExpected, ulong actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual)) Fail($"AreNotEqual failed. Value:<{actual}>. {message}");
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(float expected, float actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual)) Fail($"AreEqual failed. Expected:<{expected}>. Actual:<{actual}>. {message}");
        }

        /// <summary>Fails if the values are equal.</summary>
        public static void AreNotEqual(float notExpected, float actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual)) Fail($"AreNotEqual failed. Value:<{actual}>. {message}");
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(double expected, double actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual)) Fail($"AreEqual failed. Expected:<{expected}>. Actual:<{actual}>. {message}");
        }

        /// <summary>Fails if the values are equal.</summary>
        public static void AreNotEqual(double notExpected, double actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual)) Fail($"AreNotEqual failed. Value:<{actual}>. {message}");
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(DateTime expected, DateTime actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual)) Fail($"AreEqual failed. Expected:<{expected}>. Actual:<{actual}>. {message}");
        }

        /// <summary>Fails if the values are equal.</summary>
        public static void AreNotEqual(DateTime notExpected, DateTime actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual)) Fail($"AreNotEqual failed. Value:<{actual}>. {message}");
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(string? expected, string? actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual)) Fail($"AreEqual failed. Expected:<{expected}>. Actual:<{actual}>. {message}");
        }

        /// <summary>Fails if the values are equal.</summary>
        public static void AreNotEqual(string? notExpected, string? actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual)) Fail($"AreNotEqual failed. Value:<{actual}>. {message}");
        }

        /// <summary>Fails unless the objects are equal.</summary>
        public static void AreEqual(object? expected, object? actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual)) Fail($"AreEqual failed. Expected:<{expected}>. Actual:<{actual}>. {message}");
        }

        /// <summary>Fails if the objects are equal.</summary>
        public static void AreNotEqual(object? notExpected, object? actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual)) Fail($"AreNotEqual failed. Value:<{actual}>. {message}");
        }

        /// <summary>Fails unless both refer to the same object.</summary>
        public static void AreSame(object? expected, object? actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!ReferenceEquals(expected, actual)) Fail($"AreSame failed. {message}");
        }

        /// <summary>Fails if both refer to the same object.</summary>
        public static void AreNotSame(object? notExpected, object? actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (ReferenceEquals(notExpected, actual)) Fail($"AreNotSame failed. {message}");
        }

        /// <summary>Fails unless the condition is true.</summary>
        public static void IsTrue(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "")
        {
            if (!condition) Fail($"IsTrue failed. {message}");
        }

        /// <summary>Fails unless the condition is false.</summary>
        public static void IsFalse(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "")
        {
            if (condition) Fail($"IsFalse failed. {message}");
        }

        /// <summary>Fails unless the value is null.</summary>
        public static void IsNull(object? value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (value is not null) Fail($"IsNull failed. {message}");
        }

        /// <summary>Fails if the value is null.</summary>
        public static void IsNotNull(object? value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (value is null) Fail($"IsNotNull failed. {message}");
        }

        /// <summary>Fails unless the value is an instance of the type.</summary>
        public static void IsInstanceOfType(object? value, Type expectedType, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (value is null || !expectedType.IsInstanceOfType(value)) Fail($"IsInstanceOfType failed. Expected {expectedType.Name}. {message}");
        }

        /// <summary>Fails if the value is an instance of the type.</summary>
        public static void IsNotInstanceOfType(object? value, Type wrongType, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (value is not null && wrongType.IsInstanceOfType(value)) Fail($"IsNotInstanceOfType failed. {message}");
        }

        /// <summary>Fails unless <paramref name="value"/> contains <paramref name="substring"/>.</summary>
        public static void Contains(string substring, string value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (value is null || !value.Contains(substring, StringComparison.Ordinal)) Fail($"Contains failed. <{substring}> not in <{value}>. {message}");
        }

        /// <summary>Fails if <paramref name="value"/> contains <paramref name="substring"/>.</summary>
        public static void DoesNotContains(string substring, string value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (value is not null && value.Contains(substring, StringComparison.Ordinal)) Fail($"DoesNotContains failed. <{substring}> found in <{value}>. {message}");
        }

        /// <summary>Fails unless <paramref name="value"/> starts with <paramref name="substring"/>.</summary>
        public static void StartsWith(string substring, string value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (value is null || !value.StartsWith(substring, StringComparison.Ordinal)) Fail($"StartsWith failed. {message}");
        }

        /// <summary>Fails unless <paramref name="value"/> ends with <paramref name="substring"/>.</summary>
        public static void EndsWith(string substring, string value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (value is null || !value.EndsWith(substring, StringComparison.Ordinal)) Fail($"EndsWith failed. {message}");
        }

        /// <summary>Fails unless <paramref name="action"/> throws exactly <paramref name="exceptionType"/>.</summary>
        public static void ThrowsException(Type exceptionType, Action action, [CallerArgumentExpression(nameof(action))] string message = "")
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                if (ex.GetType() == exceptionType) return;
                Fail($"ThrowsException failed. Expected {exceptionType.Name}, got {ex.GetType().Name}. {message}");
            }

            Fail($"ThrowsException failed. No exception thrown. {message}");
        }

        /// <summary>Stops the test and reports it skipped.</summary>
        public static void SkipTest(string message = "") => throw new SkipTestException(message);

        /// <summary>Fails the test.</summary>
        public static void Fail(string message = "") => throw new AssertFailedException(message);
    }
}
