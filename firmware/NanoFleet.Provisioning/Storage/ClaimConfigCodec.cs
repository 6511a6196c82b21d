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
    /// Text rather than JSON or CBOR because the device parses it before any codec is needed, a
    /// human can read it in <c>nanofleet image show</c>, and it costs a few lines of portable code.
    /// In values, <c>\\</c>, <c>\n</c> and <c>\r</c> stand for a backslash, LF and CR. Parameter names
    /// must not contain '=', '\' or control characters. Unknown keys are ignored (newer writers, older
    /// readers); <c>port</c> defaults to 8883 and <c>format</c> to json.
    /// </summary>
    public static class ClaimConfigCodec
    {
        /// <summary>The first line of every config.</summary>
        public const string FormatTag = "nanofleet-claim/1";

        /// <summary>Prefix of a RegisterThing parameter key.</summary>
        public const string ParameterPrefix = "param.";

        /// <summary>True for an AWS template name: 1 to 36 characters of [0-9A-Za-z_-].</summary>
        public static bool IsValidTemplateName(string name)
        {
            if (name == null || name.Length < 1 || name.Length > 36) return false;
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
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
            string text = FormatTag + "\nhost=" + claim.EndpointHost + "\nport=" + claim.EndpointPort +
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

            data = StorageUtf8.GetBytes(text);
            if (data == null)
            {
                error = "a parameter value holds a lone UTF-16 surrogate";
                return FpStatus.BadParameter;
            }

            return FpStatus.Success;
        }

        /// <summary>Decodes a config into <paramref name="claim"/> (endpoint, template, format, parameters).</summary>
        /// <returns>Success, or BadParameter with <paramref name="error"/> naming the line at fault.</returns>
        public static FpStatus Decode(byte[] data, int offset, int count, ProvisioningClaim claim, out string error)
        {
            error = "";
            string? text;
            if (!StorageUtf8.TryDecode(data, offset, count, out text) || text == null)
            {
                error = "the config is not valid UTF-8";
                return FpStatus.BadParameter;
            }

            claim.EndpointHost = "";
            claim.EndpointPort = 8883;
            claim.TemplateName = "";
            claim.Format = FpFormat.Json;
            claim.Parameters.Clear();
            int lineNo = 0;
            int start = 0;
            while (start < text.Length)
            {
                int lf = text.IndexOf('\n', start);
                int stop = lf < 0 ? text.Length : lf;
                string line = text.Substring(start, stop - start);
                start = stop + 1;
                lineNo++;
                if (lineNo == 1)
                {
                    if (line != FormatTag)
                    {
                        error = "the config starts with '" + Shorten(line) + "', not '" + FormatTag + "'";
                        return FpStatus.BadParameter;
                    }

                    continue;
                }

                if (line.Length == 0) continue;
                int eq = line.IndexOf('=');
                if (eq <= 0)
                {
                    error = "config line " + lineNo + " is not key=value";
                    return FpStatus.BadParameter;
                }

                string key = line.Substring(0, eq);
                string? value = Unescape(line.Substring(eq + 1));
                if (value == null)
                {
                    error = "config line " + lineNo + " has a bad escape (only \\\\, \\n and \\r exist)";
                    return FpStatus.BadParameter;
                }

                if (!Apply(claim, key, value, lineNo, out error)) return FpStatus.BadParameter;
            }

            if (lineNo == 0)
            {
                error = "the config is empty";
                return FpStatus.BadParameter;
            }

            return CheckEndpoint(claim, out error) ? FpStatus.Success : FpStatus.BadParameter;
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
                    error = "config line " + lineNo + ": format '" + Shorten(value) + "' is neither json nor cbor";
                    return false;
                }
            }
            else if (key == "port")
            {
                int port = ParsePort(value);
                if (port < 0)
                {
                    error = "config line " + lineNo + ": port '" + Shorten(value) + "' is not 1-65535";
                    return false;
                }

                claim.EndpointPort = port;
            }
            else if (key.Length > ParameterPrefix.Length && key.Substring(0, ParameterPrefix.Length) == ParameterPrefix)
            {
                claim.Parameters.Set(key.Substring(ParameterPrefix.Length), value);
            }

            return true;
        }

        private static bool CheckEndpoint(ProvisioningClaim claim, out string error)
        {
            error = "";
            if (!IsValidHost(claim.EndpointHost)) error = "endpoint host '" + Shorten(claim.EndpointHost) + "' is empty or holds spaces or control characters";
            else if (claim.EndpointPort < 1 || claim.EndpointPort > 65535) error = "endpoint port " + claim.EndpointPort + " is not 1-65535";
            else if (!IsValidTemplateName(claim.TemplateName)) error = "template name '" + Shorten(claim.TemplateName) + "' is not 1-36 characters of [0-9A-Za-z_-]";
            return error.Length == 0;
        }

        private static bool IsValidHost(string host)
        {
            if (host == null || host.Length == 0 || host.Length > 253) return false;
            for (int i = 0; i < host.Length; i++)
            {
                if (host[i] <= ' ' || host[i] == 0x7F || host[i] == '/' || host[i] == ':') return false;
            }

            return true;
        }

        private static bool IsValidParameterName(string key)
        {
            if (key == null || key.Length == 0) return false;
            for (int i = 0; i < key.Length; i++)
            {
                char c = key[i];
                if (c < ' ' || c == 0x7F || c == '=' || c == '\\') return false;
            }

            return true;
        }

        private static int ParsePort(string text)
        {
            if (text.Length == 0 || text.Length > 5) return -1;
            int value = 0;
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] < '0' || text[i] > '9') return -1;
                value = value * 10 + (text[i] - '0');
            }

            return value >= 1 && value <= 65535 ? value : -1;
        }

        private static string Escape(string value)
        {
            if (value.IndexOf('\\') < 0 && value.IndexOf('\n') < 0 && value.IndexOf('\r') < 0) return value;
            var chars = new char[value.Length * 2];
            int n = 0;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
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

            return new string(chars, 0, n);
        }

        private static string? Unescape(string value)
        {
            if (value.IndexOf('\\') < 0) return value;
            var chars = new char[value.Length];
            int n = 0;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c != '\\')
                {
                    chars[n++] = c;
                    continue;
                }

                if (++i >= value.Length) return null;
                char e = value[i];
                if (e == '\\') chars[n++] = '\\';
                else if (e == 'n') chars[n++] = '\n';
                else if (e == 'r') chars[n++] = '\r';
                else return null;
            }

            return new string(chars, 0, n);
        }

        private static string Shorten(string text) => text == null ? "" : text.Length <= 40 ? text : text.Substring(0, 40) + "...";
    }
}
