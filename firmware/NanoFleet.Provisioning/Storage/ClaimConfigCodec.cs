using NanoFleet.Provisioning.Text;

namespace NanoFleet.Provisioning.Storage
{
    /// <summary>
    /// The NanoFleet provisioning config carried in the claim partition's USER_DATA_1 record (type 51).
    /// UTF-8 text, one <c>key=value</c> per LF-terminated line, first line the format tag:
    /// <code>
    /// nanofleet-claim/1
    /// host=a1b2c3-ats.iot.eu-west-1.amazonaws.com
    /// port=8883
    /// template=fleet-tpl
    /// format=json
    /// param.SerialNumber=SN-0042
    /// </code>
    /// A just-in-time provisioning image carries no claim config: its record starts with <c>nanofleet-jitp/1</c> and
    /// holds only <c>host</c> and <c>port</c> (<see cref="ProvisioningClaim.JustInTime"/>).
    /// Text rather than JSON or CBOR because the device parses it before any codec is needed, a
    /// human can read it in <c>nanofleet image show</c>, and it costs a few lines of portable code.
    /// In values, <c>\\</c>, <c>\n</c> and <c>\r</c> stand for a backslash, LF and CR. Parameter names
    /// must not contain '=', '\' or control characters. Unknown keys are ignored (newer writers, older
    /// readers); <c>port</c> defaults to 8883 and <c>format</c> to json.
    /// <para>
    /// The device decodes it from bytes: lines and '=' are found in the UTF-8, and only keys and
    /// values become strings, so a value holding any character, emoji included, arrives whole (the
    /// nanoCLR's <c>IndexOf</c> and <c>Substring</c> go wrong after a character outside the BMP).
    /// A value cannot hold U+0000, which would end a nanoCLR string: encoding and decoding refuse it.
    /// </para>
    /// </summary>
    public static class ClaimConfigCodec
    {
        /// <summary>The first line of every config.</summary>
        public const string FormatTag = "nanofleet-claim/1";

        /// <summary>The first line of a just-in-time provisioning image's config: endpoint only, no template or parameters.</summary>
        public const string JitpFormatTag = "nanofleet-jitp/1";

        /// <summary>Prefix of a RegisterThing parameter key.</summary>
        public const string ParameterPrefix = "param.";

        /// <summary>True for an AWS template name: 1 to 36 characters of [0-9A-Za-z_-].</summary>
        public static bool IsValidTemplateName(string name)
        {
            if (name == null || name.Length < 1 || name.Length > 36) return false;
            foreach (char c in name.ToCharArray())
            {
                bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '-';
                if (!ok) return false;
            }

            return true;
        }

        /// <summary>Encodes the endpoint, template, format and parameters of <paramref name="claim"/>.</summary>
        /// <param name="claim">The claim; its PEM fields are not part of the config.</param>
        /// <param name="data">The UTF-8 config, or null on failure.</param>
        /// <param name="error">What is wrong, naming the field; empty on Success.</param>
        /// <returns>Success or BadParameter.</returns>
        public static FpStatus Encode(ProvisioningClaim claim, out byte[]? data, out string error)
        {
            data = null;
            if (!CheckEndpoint(claim, out error)) return FpStatus.BadParameter;
            string text = claim.JustInTime
                ? JitpFormatTag + "\nhost=" + claim.EndpointHost + "\nport=" + claim.EndpointPort + "\n"
                : FormatTag + "\nhost=" + claim.EndpointHost + "\nport=" + claim.EndpointPort +
                  "\ntemplate=" + claim.TemplateName + "\nformat=" + (claim.Format == FpFormat.Cbor ? "cbor" : "json") + "\n";
            for (int i = 0; i < claim.Parameters.Count; i++)
            {
                string key = claim.Parameters.KeyAt(i);
                if (!IsValidParameterName(key))
                {
                    error = "parameter name '" + key + "' is empty or holds '=', '\\' or a control character";
                    return FpStatus.BadParameter;
                }

                text += ParameterPrefix + key + "=" + Escape(claim.Parameters.ValueAt(i)) + "\n";
            }

            int length = Utf8.GetByteCount(text);
            if (length == Utf8.Invalid)
            {
                error = "a parameter value holds a lone UTF-16 surrogate or U+0000";
                return FpStatus.BadParameter;
            }

            data = new byte[length];
            Utf8.Encode(text, data, 0);

            return FpStatus.Success;
        }

        /// <summary>Decodes a config into <paramref name="claim"/> (endpoint, template, format, parameters).</summary>
        /// <returns>Success, or BadParameter with <paramref name="error"/> naming the line at fault.</returns>
        public static FpStatus Decode(byte[] data, int offset, int count, ProvisioningClaim claim, out string error)
        {
            error = "";
            if (Utf8.CountChars(data, offset, count, out _) < 0)
            {
                error = "the config is not valid UTF-8";
                return FpStatus.BadParameter;
            }

            claim.EndpointHost = "";
            claim.EndpointPort = 8883;
            claim.TemplateName = "";
            claim.Format = FpFormat.Json;
            claim.JustInTime = false;
            claim.Parameters.Clear();
            int end = offset + count;
            int lineNo = 0;
            for (int start = offset; start < end;)
            {
                int stop = IndexOfByte(data, (byte)'\n', start, end);
                lineNo++;
                bool ok = lineNo == 1 ? CheckFormatTag(data, start, stop, claim, out error) : DecodeLine(data, start, stop, lineNo, claim, out error);
                if (!ok) return FpStatus.BadParameter;
                start = stop + 1;
            }

            if (lineNo == 0)
            {
                error = "the config is empty";
                return FpStatus.BadParameter;
            }

            return CheckEndpoint(claim, out error) ? FpStatus.Success : FpStatus.BadParameter;
        }

        private static bool CheckFormatTag(byte[] data, int start, int stop, ProvisioningClaim claim, out string error)
        {
            error = "";
            if (Utf8.EqualsText(data, start, stop - start, FormatTag)) return true;
            if (Utf8.EqualsText(data, start, stop - start, JitpFormatTag))
            {
                claim.JustInTime = true;
                return true;
            }

            Utf8.TryDecode(data, start, stop - start, out string line, out _);
            error = "the config starts with '" + WholeChars.Shorten(line, 40) + "', not '" + FormatTag + "' or '" + JitpFormatTag + "'";
            return false;
        }

        /// <summary>Applies the <c>key=value</c> line in bytes [start, stop) of valid UTF-8.</summary>
        private static bool DecodeLine(byte[] data, int start, int stop, int lineNo, ProvisioningClaim claim, out string error)
        {
            error = "";
            if (stop == start) return true;
            int eq = IndexOfByte(data, (byte)'=', start, stop);
            if (eq == start || eq == stop)
            {
                error = "config line " + lineNo + " is not key=value";
                return false;
            }

            byte[]? value = Unescape(data, eq + 1, stop, out int valueLength);
            if (value == null)
            {
                error = "config line " + lineNo + " has a bad escape (only \\\\, \\n and \\r exist)";
                return false;
            }

            // The parameter name is decoded from after its prefix: no Substring of a string that may hold any character.
            bool isParameter = eq - start > ParameterPrefix.Length && Utf8.EqualsText(data, start, ParameterPrefix.Length, ParameterPrefix);
            int nameAt = isParameter ? start + ParameterPrefix.Length : start;
            if (!Utf8.TryDecode(data, nameAt, eq - nameAt, out string key, out _) || !Utf8.TryDecode(value, 0, valueLength, out string text, out _))
            {
                error = "config line " + lineNo + " holds U+0000, which a nanoFramework string cannot";
                return false;
            }

            if (isParameter)
            {
                claim.Parameters.Set(key, text);
                return true;
            }

            return Apply(claim, key, text, lineNo, out error);
        }

        private static bool Apply(ProvisioningClaim claim, string key, string value, int lineNo, out string error)
        {
            error = "";
            if (key == "host") claim.EndpointHost = value;
            else if (key == "template") claim.TemplateName = value;
            else if (key == "format")
            {
                if (value == "json") claim.Format = FpFormat.Json;
                else if (value == "cbor") claim.Format = FpFormat.Cbor;
                else
                {
                    error = "config line " + lineNo + ": format '" + WholeChars.Shorten(value, 40) + "' is neither json nor cbor";
                    return false;
                }
            }
            else if (key == "port")
            {
                int port = ParsePort(value);
                if (port < 0)
                {
                    error = "config line " + lineNo + ": port '" + WholeChars.Shorten(value, 40) + "' is not 1-65535";
                    return false;
                }

                claim.EndpointPort = port;
            }

            return true;
        }

        private static bool CheckEndpoint(ProvisioningClaim claim, out string error)
        {
            error = "";
            if (!IsValidHost(claim.EndpointHost)) error = "endpoint host '" + WholeChars.Shorten(claim.EndpointHost, 40) + "' is empty or holds spaces or control characters";
            else if (claim.EndpointPort < 1 || claim.EndpointPort > 65535) error = "endpoint port " + claim.EndpointPort + " is not 1-65535";
            else if (!claim.JustInTime && !IsValidTemplateName(claim.TemplateName)) error = "template name '" + WholeChars.Shorten(claim.TemplateName, 40) + "' is not 1-36 characters of [0-9A-Za-z_-]";
            return error.Length == 0;
        }

        private static bool IsValidHost(string host)
        {
            if (host == null || host.Length == 0 || host.Length > 253) return false;
            foreach (char c in host.ToCharArray())
            {
                if (c <= ' ' || c == 0x7F || c == '/' || c == ':') return false;
            }

            return true;
        }

        private static bool IsValidParameterName(string key)
        {
            if (key == null || key.Length == 0) return false;
            foreach (char c in key.ToCharArray())
            {
                if (c < ' ' || c == 0x7F || c == '=' || c == '\\') return false;
            }

            return true;
        }

        private static int ParsePort(string text)
        {
            if (text.Length == 0 || text.Length > 5) return -1;
            int value = 0;
            foreach (char c in text.ToCharArray())
            {
                if (c < '0' || c > '9') return -1;
                value = value * 10 + (c - '0');
            }

            return value >= 1 && value <= 65535 ? value : -1;
        }

        private static string Escape(string value)
        {
            char[] source = value.ToCharArray();
            var chars = new char[source.Length * 2];
            int n = 0;
            foreach (char c in source)
            {
                if (c == '\\' || c == '\n' || c == '\r')
                {
                    chars[n++] = '\\';
                    chars[n++] = c == '\\' ? '\\' : c == '\n' ? 'n' : 'r';
                }
                else
                {
                    chars[n++] = c;
                }
            }

            return n == source.Length ? value : new string(chars, 0, n);
        }

        /// <summary>The bytes [start, stop) with their escapes undone (all ASCII, so done on the UTF-8); null for a bad escape.</summary>
        private static byte[]? Unescape(byte[] data, int start, int stop, out int length)
        {
            var bytes = new byte[stop - start];
            length = 0;
            for (int at = start; at < stop; at++)
            {
                byte b = data[at];
                if (b == '\\')
                {
                    if (++at >= stop) return null;
                    b = data[at] == '\\' ? (byte)'\\' : data[at] == 'n' ? (byte)'\n' : data[at] == 'r' ? (byte)'\r' : (byte)0;
                    if (b == 0) return null;
                }

                bytes[length++] = b;
            }

            return bytes;
        }

        /// <summary>Where <paramref name="value"/> first is in [start, stop), or <paramref name="stop"/>.</summary>
        private static int IndexOfByte(byte[] data, byte value, int start, int stop)
        {
            while (start < stop && data[start] != value) start++;
            return start;
        }
    }
}
