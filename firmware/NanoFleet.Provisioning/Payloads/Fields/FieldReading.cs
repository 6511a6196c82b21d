namespace NanoFleet.Provisioning
{
    /// <summary>The rules every response shares: one map walk, fields read once, required fields present.</summary>
    internal static class FieldReading
    {
        /// <summary>Reads a whole payload: one map and nothing after it.</summary>
        public static bool ReadDocument(IPayloadSource source, IFieldSink fields, FpReadError error) =>
            ReadMap(source, fields, error) && source.ReadEnd();

        /// <summary>Reads a map, handing each key to <paramref name="fields"/>.</summary>
        public static bool ReadMap(IPayloadSource source, IFieldSink fields, FpReadError error)
        {
            bool ok = source.ReadStartMap();
            while (ok)
            {
                ok = source.NextKey(out bool atEnd);
                if (!ok || atEnd)
                {
                    break;
                }

                ok = fields.ReadField(source, error);
            }

            return ok;
        }

        /// <summary>Reads a text field, refusing a second occurrence (which could smuggle a different value past a checker).</summary>
        public static bool ReadTextOnce(IPayloadSource source, string field, ref string? slot, FpReadError error)
        {
            if (slot != null)
            {
                return Duplicate(source, field, error);
            }

            bool ok = source.ReadText(out string value);
            error.SetFieldIfEmpty(field);
            if (ok)
            {
                slot = value;
            }

            return ok;
        }

        /// <summary>
        /// <see cref="ReadTextOnce"/> for a value decoded only after the whole payload has been
        /// validated (see <see cref="PendingText"/>): same checks, same errors, no string yet.
        /// </summary>
        public static bool LocateTextOnce(IPayloadSource source, string field, PendingText slot, FpReadError error)
        {
            if (slot.Present)
            {
                return Duplicate(source, field, error);
            }

            bool ok = source.LocateText(out int position, out int length, out int bytes);
            error.SetFieldIfEmpty(field);
            if (ok)
            {
                slot.Position = position;
                slot.Length = length;
                slot.Bytes = bytes;
                slot.Present = true;
            }

            return ok;
        }

        /// <summary><see cref="Require(string, string, FpReadError)"/> for a located value.</summary>
        public static bool Require(PendingText value, string field, FpReadError error)
        {
            if (!value.Present || value.Bytes == 0)
            {
                error.Set(FpReadErrorKind.MissingField, field, -1);
                return false;
            }

            return true;
        }

        /// <summary>A located value as UTF-8 bytes, in an array of exactly its size; null when absent.</summary>
        public static byte[]? CopyBytes(IPayloadSource source, PendingText value)
        {
            if (!value.Present)
            {
                return null;
            }

            var utf8 = new byte[value.Bytes];
            source.CopyText(value.Position, value.Length, utf8);
            return utf8;
        }

        /// <summary>Records a repeated field; returns false.</summary>
        public static bool Duplicate(IPayloadSource source, string field, FpReadError error)
        {
            error.Set(FpReadErrorKind.Syntax, field, source.KeyOffset);
            return false;
        }

        /// <summary>Required text fields must be present and not empty.</summary>
        public static bool Require(string? value, string field, FpReadError error)
        {
            if (value == null || value.Length == 0)
            {
                error.Set(FpReadErrorKind.MissingField, field, -1);
                return false;
            }

            return true;
        }
    }

    /// <summary>
    /// A text value found but not yet copied out: where it is in the payload and how many UTF-8
    /// bytes it holds. A response's large values (certificate, key, token) are copied only once the
    /// whole payload has proved valid, straight into arrays of their exact size: no scratch, and no
    /// copies made for a payload that is then refused. A class, not a struct: the nanoCLR keeps every
    /// struct on its heap and copies it whole each time one is passed, returned or stored by value
    /// (240 bytes a copy on the POSIX host), while a reference is passed for nothing.
    /// </summary>
    internal sealed class PendingText
    {
        /// <summary>Where the value is (the source's own notion of position).</summary>
        public int Position;

        /// <summary>Its byte length, where the source needs it.</summary>
        public int Length;

        /// <summary>UTF-8 bytes it holds, escapes undone.</summary>
        public int Bytes;

        /// <summary>True once the field has been seen.</summary>
        public bool Present;
    }
}
