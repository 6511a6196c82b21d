namespace NanoFleet.Provisioning
{
    /// <summary>
    /// Why a payload was refused: a kind, the field it concerns (when known) and the byte offset
    /// (relative to the start of the payload). Owned and reused by the caller, so a failed read
    /// allocates nothing. Never holds payload content: a refused payload may carry a private key
    /// or an ownership token.
    /// </summary>
    public sealed class FpReadError
    {
        /// <summary>What went wrong; <see cref="FpReadErrorKind.None"/> after <see cref="Clear"/>.</summary>
        public FpReadErrorKind Kind { get; private set; }

        /// <summary>The wire name of the field concerned (e.g. "certificatePem"), or "".</summary>
        public string Field { get; private set; } = "";

        /// <summary>Byte offset into the payload where the problem was found, or -1.</summary>
        public int Offset { get; private set; } = -1;

        /// <summary>True when an error has been recorded.</summary>
        public bool IsSet => Kind != FpReadErrorKind.None;

        /// <summary>Forgets the previous error.</summary>
        public void Clear()
        {
            Kind = FpReadErrorKind.None;
            Field = "";
            Offset = -1;
        }

        /// <summary>Records an error; the first one recorded wins, so the root cause is kept.</summary>
        /// <param name="kind">What went wrong.</param>
        /// <param name="field">Wire name of the field, or "".</param>
        /// <param name="offset">Byte offset into the payload, or -1.</param>
        public void Set(FpReadErrorKind kind, string field, int offset)
        {
            if (Kind == FpReadErrorKind.None)
            {
                Kind = kind;
                Field = field;
                Offset = offset;
            }
        }

        /// <summary>Names the field when the error was found before the field was known.</summary>
        internal void SetFieldIfEmpty(string field)
        {
            if (Kind != FpReadErrorKind.None && Field.Length == 0)
            {
                Field = field;
            }
        }

        /// <summary>e.g. "WrongType in field 'certificatePem' at offset 12" (never the payload's content).</summary>
        public override string ToString()
        {
            if (Kind == FpReadErrorKind.None)
            {
                return "no error";
            }

            string text = KindName(Kind);
            if (Field.Length > 0)
            {
                text += " in field '" + Field + "'";
            }

            if (Offset >= 0)
            {
                text += " at offset " + Offset.ToString();
            }

            return text;
        }

        /// <summary>Enum names by hand: on nanoFramework Enum.ToString() returns the number.</summary>
        private static string KindName(FpReadErrorKind kind)
        {
            switch (kind)
            {
                case FpReadErrorKind.TooLarge: return "TooLarge";
                case FpReadErrorKind.TooDeep: return "TooDeep";
                case FpReadErrorKind.Truncated: return "Truncated";
                case FpReadErrorKind.TrailingData: return "TrailingData";
                case FpReadErrorKind.InvalidUtf8: return "InvalidUtf8";
                case FpReadErrorKind.Syntax: return "Syntax";
                case FpReadErrorKind.MissingField: return "MissingField";
                case FpReadErrorKind.WrongType: return "WrongType";
                case FpReadErrorKind.BadArgument: return "BadArgument";
                case FpReadErrorKind.NulInText: return "NulInText";
                default: return "Error";
            }
        }
    }
}
