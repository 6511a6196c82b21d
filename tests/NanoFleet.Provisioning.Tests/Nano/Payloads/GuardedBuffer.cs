namespace NanoFleet.Provisioning.Tests
{
    /// <summary>
    /// An output buffer filled with 0xA5 guard bytes, with the output area starting after a 32-byte
    /// leading guard (as in the Fleet-Provisioning library's unit tests). The writers take
    /// (buffer, offset) and may use everything after offset, so the check is: every byte outside
    /// [offset, offset + written) still holds 0xA5.
    /// </summary>
    public sealed class GuardedBuffer
    {
        /// <summary>The guard byte.</summary>
        public const byte Guard = 0xA5;

        /// <summary>Leading guard length (the offset handed to writers).</summary>
        public const int Offset = 32;

        /// <summary>Leading guard plus <paramref name="room"/> bytes of output room.</summary>
        public GuardedBuffer(int room)
        {
            Bytes = new byte[Offset + room];
            for (int i = 0; i < Bytes.Length; i++)
            {
                Bytes[i] = Guard;
            }
        }

        /// <summary>The whole array (guard included).</summary>
        public byte[] Bytes { get; }

        /// <summary>True when nothing outside [Offset, Offset + written) was touched.</summary>
        public bool GuardsIntact(int written)
        {
            for (int i = 0; i < Bytes.Length; i++)
            {
                if ((i < Offset || i >= Offset + written) && Bytes[i] != Guard)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The output area read as ASCII (topics and JSON in these tests are ASCII).</summary>
        public string Ascii(int written)
        {
            char[] chars = new char[written];
            for (int i = 0; i < written; i++)
            {
                chars[i] = (char)Bytes[Offset + i];
            }

            return new string(chars);
        }

        /// <summary>A copy of the output area.</summary>
        public byte[] Output(int written)
        {
            byte[] copy = new byte[written];
            for (int i = 0; i < written; i++)
            {
                copy[i] = Bytes[Offset + i];
            }

            return copy;
        }
    }
}
