using System;
using System.Runtime.CompilerServices;

// The typed AreNotEqual overloads of nanoFramework.TestFramework 3.0.77 (source/TestFramework/Assert.AreNotEqual.cs).
namespace nanoFramework.TestFramework
{
    public sealed partial class Assert
    {
        /// <summary>Fails if the values are equal.</summary>
        public static void AreNotEqual(bool notExpected, bool actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual)) HandleAreNotEqualFail(notExpected, actual, message);
        }

        /// <summary>Fails if the values are equal.</summary>
        public static void AreNotEqual(byte notExpected, byte actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual)) HandleAreNotEqualFail(notExpected, actual, message);
        }

        /// <summary>Fails if the values are equal.</summary>
        public static void AreNotEqual(char notExpected, char actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual)) HandleAreNotEqualFail(notExpected, actual, message);
        }

        /// <summary>Fails if the values are equal.</summary>
        public static void AreNotEqual(DateTime notExpected, DateTime actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual)) HandleAreNotEqualFail(notExpected, actual, message);
        }

        /// <summary>Fails if the values are equal.</summary>
        public static void AreNotEqual(double notExpected, double actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual)) HandleAreNotEqualFail(notExpected, actual, message);
        }

        /// <summary>Fails if the values are equal.</summary>
        public static void AreNotEqual(float notExpected, float actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual)) HandleAreNotEqualFail(notExpected, actual, message);
        }

        /// <summary>Fails if the values are equal.</summary>
        public static void AreNotEqual(int notExpected, int actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual)) HandleAreNotEqualFail(notExpected, actual, message);
        }

        /// <summary>Fails if the values are equal.</summary>
        public static void AreNotEqual(long notExpected, long actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual)) HandleAreNotEqualFail(notExpected, actual, message);
        }

        /// <summary>Fails if the values are equal.</summary>
        public static void AreNotEqual(object? notExpected, object? actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual)) HandleAreNotEqualFail(notExpected, actual, message);
        }

        /// <summary>Fails if the values are equal.</summary>
        public static void AreNotEqual(sbyte notExpected, sbyte actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual)) HandleAreNotEqualFail(notExpected, actual, message);
        }

        /// <summary>Fails if the values are equal.</summary>
        public static void AreNotEqual(short notExpected, short actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual)) HandleAreNotEqualFail(notExpected, actual, message);
        }

        /// <summary>Fails if the values are equal.</summary>
        public static void AreNotEqual(string? notExpected, string? actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual)) HandleAreNotEqualFail(notExpected, actual, message);
        }

        /// <summary>Fails if the values are equal.</summary>
        public static void AreNotEqual(uint notExpected, uint actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual)) HandleAreNotEqualFail(notExpected, actual, message);
        }

        /// <summary>Fails if the values are equal.</summary>
        public static void AreNotEqual(ulong notExpected, ulong actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual)) HandleAreNotEqualFail(notExpected, actual, message);
        }

        /// <summary>Fails if the values are equal.</summary>
        public static void AreNotEqual(ushort notExpected, ushort actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual)) HandleAreNotEqualFail(notExpected, actual, message);
        }

        private static void HandleAreNotEqualFail(object? notExpected, object? actual, string message) =>
            HandleFail("Assert.AreNotEqual", $"Expected any value except:<{ReplaceNulls(notExpected)}>. Actual:<{ReplaceNulls(actual)}>. {message}");
    }
}
