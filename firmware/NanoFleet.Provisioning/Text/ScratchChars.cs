using System;

namespace NanoFleet.Provisioning.Text
{
    /// <summary>
    /// One reusable char array for decoding text into strings. nanoFramework's mscorlib can make a
    /// string only from a char[], so without this every decoded string would cost its characters
    /// twice (a throw-away array plus the string), on a heap of well under 100 KB. (Certificates,
    /// keys and tokens never come through here: they stay UTF-8 bytes.) The array is held through a
    /// <see cref="WeakReference"/>, so the garbage collector may take it back whenever memory is
    /// short; it is then simply allocated again. Callers hold <see cref="Gate"/> while they fill
    /// the array and copy the string out.
    /// </summary>
    /// <example>
    /// <code>
    /// lock (ScratchChars.Gate)
    /// {
    ///     char[] chars = ScratchChars.Get(n);
    ///     /* fill chars[0..n) */
    ///     value = new string(chars, 0, n);
    /// }
    /// </code>
    /// </example>
    internal static class ScratchChars
    {
        /// <summary>Held while the array is in use.</summary>
        public static readonly object Gate = new object();

        // Enough for the short strings a clean run decodes (thing name, configuration entries,
        // error codes); longer text grows it once. Cold, it is part of every provisioning run.
        private const int MinimumLength = 64;
        private static WeakReference? _buffer;

        /// <summary>An array of at least <paramref name="length"/> chars; call with <see cref="Gate"/> held.</summary>
        public static char[] Get(int length)
        {
            char[]? chars = _buffer == null ? null : _buffer.Target as char[];
            if (chars == null || chars.Length < length)
            {
                // Round up to a power of two so strings of similar length share one allocation.
                int size = MinimumLength;
                while (size < length)
                {
                    size <<= 1;
                }

                chars = new char[size];
                _buffer = new WeakReference(chars);
            }

            return chars;
        }
    }
}
