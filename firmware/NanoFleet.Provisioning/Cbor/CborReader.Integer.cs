namespace NanoFleet.Provisioning.Cbor
{
    public sealed partial class CborReader
    {
        /// <summary>Reads an integer (major type 0 or 1) that fits an <see cref="int"/>.</summary>
        /// <param name="value">The value, or 0 on failure.</param>
        /// <returns>False on error (<see cref="FpReadErrorKind.WrongType"/> for another type or a value out of range).</returns>
        public bool ReadInt32(out int value)
        {
            value = 0;
            CborReaderState state = PeekState();
            if (state != CborReaderState.UnsignedInteger && state != CborReaderState.NegativeInteger)
            {
                return state == CborReaderState.Invalid ? false : WrongType();
            }

            if (!PeekHead(out int major, out ulong argument, out _, out int headSize))
            {
                return false;
            }

            // Major 1 encodes -1 - argument, so both ranges stop at argument int.MaxValue.
            if (argument > int.MaxValue)
            {
                return WrongType();
            }

            value = major == MajorUnsigned ? (int)argument : -1 - (int)argument;
            CountItem();
            Advance(headSize);
            return true;
        }
    }
}
