namespace NanoFleet.Provisioning.Keys
{
    /// <summary>
    /// The reasons the key readers give. They name the structure and the fault, never a byte of
    /// content: the content may be a private key.
    /// </summary>
    internal static class KeyReading
    {
        /// <summary>Malformed, because reading <paramref name="what"/> ended in <paramref name="status"/>.</summary>
        public static KeyMatchStatus Malformed(string what, DerStatus status, out string reason)
        {
            reason = what + " is malformed: " + Describe(status);
            return KeyMatchStatus.Malformed;
        }

        /// <summary>Malformed, for a fault the DER reader cannot see (e.g. a nonzero unused-bits count).</summary>
        public static KeyMatchStatus Malformed(string what, string fault, out string reason)
        {
            reason = what + " is malformed: " + fault;
            return KeyMatchStatus.Malformed;
        }

        /// <summary>Unsupported, because <paramref name="why"/>.</summary>
        public static KeyMatchStatus Unsupported(string why, out string reason)
        {
            reason = why;
            return KeyMatchStatus.Unsupported;
        }

        /// <summary>A DER status in words.</summary>
        public static string Describe(DerStatus status)
        {
            switch (status)
            {
                case DerStatus.End: return "an element is missing";
                case DerStatus.Truncated: return "an element runs past its end";
                case DerStatus.UnexpectedTag: return "an element has an unexpected tag";
                case DerStatus.BadLength: return "a length is not in DER form";
                case DerStatus.UnsupportedTag: return "a tag is in high-tag-number form";
                default: return "unexpected DER status";
            }
        }
    }
}
