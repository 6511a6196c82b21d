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
        public static bool LocateTextOnce(IPayloadSource source, string field, ref PendingText slot, FpReadError error)
        {
            if (slot.Present)
            {
                return Duplicate(source, field, error);
            }

            bool ok = source.LocateText(out int position, out int length, out int chars);
            error.SetFieldIfEmpty(field);
            if (ok)
            {
                slot.Position = position;
                slot.Length = length;
                slot.Chars = chars;
                slot.Present = true;
            }

            return ok;
        }

        /// <summary><see cref="Require(string, string, FpReadError)"/> for a located value.</summary>
        public static bool Require(PendingText value, string field, FpReadError error)
        {
            if (!value.Present || value.Chars == 0)
            {
                error.Set(FpReadErrorKind.MissingField, field, -1);
                return false;
            }

            return true;
        }

        /// <summary>Decodes a located value through <paramref name="chars"/> (room for it); null when absent.</summary>
        public static string? Decode(IPayloadSource source, PendingText value, char[] chars)
        {
            if (!value.Present)
            {
                return null;
            }

            if (value.Chars == 0)
            {
                return "";
            }

            source.DecodeText(value.Position, value.Length, value.Chars, chars);
            return new string(chars, 0, value.Chars);
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
    /// A text value found but not yet decoded: where it is in the payload and how many UTF-16
    /// units it takes. A response's large values (certificate, key, token) are decoded only once
    /// the whole payload has proved valid, longest first, through one scratch array of exactly the
    /// longest value's size — instead of a scratch that grows as longer values turn up, and strings
    /// made for a payload that is then refused.
    /// </summary>
    internal struct PendingText
    {
        /// <summary>Where the value is (the source's own notion of position).</summary>
        public int Position;

        /// <summary>Its byte length, where the source needs it.</summary>
        public int Length;

        /// <summary>UTF-16 units it decodes to.</summary>
        public int Chars;

        /// <summary>True once the field has been seen.</summary>
        public bool Present;
    }
}
