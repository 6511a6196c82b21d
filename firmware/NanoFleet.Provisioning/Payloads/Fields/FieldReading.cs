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
}
