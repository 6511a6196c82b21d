namespace NanoFleet.Provisioning
{
    /// <summary>
    /// Builds and matches the 18 fleet-provisioning topics, after AWS's Fleet-Provisioning C
    /// library: topics are assembled from <c>const</c> fragments whose lengths are known up front,
    /// the buffer overload checks the length before it writes a byte, and matching is a cursor walk
    /// over the same fragments (no allocation, no exceptions, no regular expressions).
    /// </summary>
    /// <example>
    /// <code>
    /// FpTopics.GetTopic(FpApi.RegisterThing, FpFormat.Json, FpApiTopic.Accepted, "fleet-tpl", out string t);
    /// // t == "$aws/provisioning-templates/fleet-tpl/provision/json/accepted"
    /// FpTopics.MatchTopic(t, out FpTopic match); // match == FpTopic.JsonRegisterThingAccepted
    /// </code>
    /// </example>
    public static class FpTopics
    {
        /// <summary>Prefix of the CreateKeysAndCertificate topics.</summary>
        public const string CreateKeysPrefix = "$aws/certificates/create/";

        /// <summary>Prefix of the CreateCertificateFromCsr topics.</summary>
        public const string CreateCertFromCsrPrefix = "$aws/certificates/create-from-csr/";

        /// <summary>Prefix of the RegisterThing topics; the template name follows.</summary>
        public const string RegisterPrefix = "$aws/provisioning-templates/";

        /// <summary>Between the template name and the format of a RegisterThing topic.</summary>
        public const string RegisterBridge = "/provision/";

        /// <summary>Format fragment of JSON topics.</summary>
        public const string JsonFragment = "json";

        /// <summary>Format fragment of CBOR topics.</summary>
        public const string CborFragment = "cbor";

        /// <summary>Suffix of accepted response topics.</summary>
        public const string AcceptedSuffix = "/accepted";

        /// <summary>Suffix of rejected response topics.</summary>
        public const string RejectedSuffix = "/rejected";

        /// <summary>Longest template name AWS accepts.</summary>
        public const int TemplateNameMaxLength = 36;

        /// <summary>Length of the longest topic (a RegisterThing rejected topic with a 36-character name).</summary>
        public const int MaxTopicLength = 28 + TemplateNameMaxLength + 11 + 4 + 9;

        private const int ApisCount = 3;
        private const int FormatsCount = 2;
        private const int KindsCount = 3;

        /// <summary>Builds a topic as a string.</summary>
        /// <param name="api">Which API.</param>
        /// <param name="format">JSON or CBOR.</param>
        /// <param name="kind">Publish, accepted or rejected.</param>
        /// <param name="templateName">The template name; required (and validated) for RegisterThing only.</param>
        /// <param name="topic">The topic on success, otherwise "".</param>
        /// <returns><see cref="FpStatus.Success"/>, or <see cref="FpStatus.BadParameter"/> for an
        /// out-of-range enum value or a missing/invalid template name.</returns>
        public static FpStatus GetTopic(FpApi api, FpFormat format, FpApiTopic kind, string? templateName, out string topic)
        {
            topic = "";
            FpStatus status = Validate(api, format, kind, templateName);
            if (status == FpStatus.Success)
            {
                string formatFragment = format == FpFormat.Json ? JsonFragment : CborFragment;
                string head = api == FpApi.RegisterThing
                    ? RegisterPrefix + templateName + RegisterBridge + formatFragment
                    : PrefixOf(api) + formatFragment;
                topic = kind == FpApiTopic.Publish ? head : head + SuffixOf(kind);
            }

            return status;
        }

        /// <summary>Writes a topic as ASCII bytes into a caller-owned buffer.</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Where in <paramref name="buffer"/> to start.</param>
        /// <param name="api">Which API.</param>
        /// <param name="format">JSON or CBOR.</param>
        /// <param name="kind">Publish, accepted or rejected.</param>
        /// <param name="templateName">The template name; required (and validated) for RegisterThing only.</param>
        /// <param name="written">Bytes written; on <see cref="FpStatus.BufferTooSmall"/> the bytes needed.</param>
        /// <returns><see cref="FpStatus.Success"/>; <see cref="FpStatus.BufferTooSmall"/> (nothing
        /// written); <see cref="FpStatus.BadParameter"/> for a null buffer, a bad offset, an
        /// out-of-range enum value or a missing/invalid template name.</returns>
        public static FpStatus GetTopic(byte[] buffer, int offset, FpApi api, FpFormat format, FpApiTopic kind, string? templateName, out int written)
        {
            written = 0;
            FpStatus status = Validate(api, format, kind, templateName);
            if (status == FpStatus.Success && (buffer == null || offset < 0 || offset > buffer.Length))
            {
                status = FpStatus.BadParameter;
            }

            if (status == FpStatus.Success)
            {
                int needed = LengthOf(api, kind, templateName);
                if (needed > buffer!.Length - offset)
                {
                    written = needed;
                    status = FpStatus.BufferTooSmall;
                }
                else
                {
                    // At this point the buffer is certainly large enough.
                    int at = offset;
                    if (api == FpApi.RegisterThing)
                    {
                        at = Append(buffer, at, RegisterPrefix);
                        at = Append(buffer, at, templateName!);
                        at = Append(buffer, at, RegisterBridge);
                    }
                    else
                    {
                        at = Append(buffer, at, PrefixOf(api));
                    }

                    at = Append(buffer, at, format == FpFormat.Json ? JsonFragment : CborFragment);
                    if (kind != FpApiTopic.Publish)
                    {
                        at = Append(buffer, at, SuffixOf(kind));
                    }

                    written = at - offset;
                }
            }

            return status;
        }

        /// <summary>Identifies a provisioning topic.</summary>
        /// <param name="topic">Any topic; null and foreign topics are fine.</param>
        /// <param name="match">The topic, or <see cref="FpTopic.Invalid"/>.</param>
        /// <returns><see cref="FpStatus.Success"/> or <see cref="FpStatus.NoMatch"/>; never throws.</returns>
        public static FpStatus MatchTopic(string topic, out FpTopic match)
        {
            return MatchTopic(topic, out match, out _);
        }

        /// <summary>Identifies a provisioning topic and returns its template name.</summary>
        /// <param name="topic">Any topic; null and foreign topics are fine.</param>
        /// <param name="match">The topic, or <see cref="FpTopic.Invalid"/>.</param>
        /// <param name="templateName">The template name of a RegisterThing topic, otherwise "".</param>
        /// <returns><see cref="FpStatus.Success"/> or <see cref="FpStatus.NoMatch"/>; never throws.</returns>
        public static FpStatus MatchTopic(string topic, out FpTopic match, out string templateName)
        {
            match = FpTopic.Invalid;
            templateName = "";
            if (topic == null)
            {
                return FpStatus.NoMatch;
            }

            // The topic comes from outside and may hold any character: it is read through one whole
            // ToCharArray(), the only view of it that is right on the nanoCLR (see Text/Utf8.cs).
            char[] chars = topic.ToCharArray();
            int cursor = 0;
            FpApi api;
            int nameStart = 0;
            int nameLength = 0;
            if (ConsumeIfMatch(chars, ref cursor, CreateCertFromCsrPrefix))
            {
                api = FpApi.CreateCertificateFromCsr;
            }
            else if (ConsumeIfMatch(chars, ref cursor, CreateKeysPrefix))
            {
                api = FpApi.CreateKeysAndCertificate;
            }
            else if (ConsumeIfMatch(chars, ref cursor, RegisterPrefix))
            {
                api = FpApi.RegisterThing;
                nameStart = cursor;
                if (!ConsumeTemplateName(chars, ref cursor) || !ConsumeIfMatch(chars, ref cursor, RegisterBridge))
                {
                    return FpStatus.NoMatch;
                }

                nameLength = cursor - RegisterBridge.Length - nameStart;
            }
            else
            {
                return FpStatus.NoMatch;
            }

            FpFormat format;
            if (ConsumeIfMatch(chars, ref cursor, JsonFragment))
            {
                format = FpFormat.Json;
            }
            else if (ConsumeIfMatch(chars, ref cursor, CborFragment))
            {
                format = FpFormat.Cbor;
            }
            else
            {
                return FpStatus.NoMatch;
            }

            FpApiTopic kind;
            if (cursor == chars.Length)
            {
                kind = FpApiTopic.Publish;
            }
            else if (ConsumeIfMatch(chars, ref cursor, AcceptedSuffix) && cursor == chars.Length)
            {
                kind = FpApiTopic.Accepted;
            }
            else if (ConsumeIfMatch(chars, ref cursor, RejectedSuffix) && cursor == chars.Length)
            {
                kind = FpApiTopic.Rejected;
            }
            else
            {
                return FpStatus.NoMatch;
            }

            match = TopicOf(api, format, kind);
            if (api == FpApi.RegisterThing)
            {
                templateName = new string(chars, nameStart, nameLength);
            }

            return FpStatus.Success;
        }

        /// <summary>The API of a topic (see the numbering on <see cref="FpTopic"/>).</summary>
        /// <param name="t">A valid topic (not <see cref="FpTopic.Invalid"/>).</param>
        public static FpApi ApiOf(FpTopic t) => (FpApi)((int)t / (FormatsCount * KindsCount));

        /// <summary>The format of a topic.</summary>
        /// <param name="t">A valid topic (not <see cref="FpTopic.Invalid"/>).</param>
        public static FpFormat FormatOf(FpTopic t) => (FpFormat)((int)t / KindsCount % FormatsCount);

        /// <summary>Publish, accepted or rejected.</summary>
        /// <param name="t">A valid topic (not <see cref="FpTopic.Invalid"/>).</param>
        public static FpApiTopic KindOf(FpTopic t) => (FpApiTopic)((int)t % KindsCount);

        /// <summary>The topic for an API, format and kind; <see cref="FpTopic.Invalid"/> when any is out of range.</summary>
        public static FpTopic TopicOf(FpApi api, FpFormat format, FpApiTopic kind)
        {
            if (!InRange(api, format, kind))
            {
                return FpTopic.Invalid;
            }

            return (FpTopic)(((int)api * FormatsCount * KindsCount) + ((int)format * KindsCount) + (int)kind);
        }

        /// <summary>True for 1–36 characters of [0-9A-Za-z_-] (AWS's template-name rule).</summary>
        /// <param name="name">Candidate name; null is invalid.</param>
        public static bool IsValidTemplateName(string? name)
        {
            if (name == null || name.Length == 0 || name.Length > TemplateNameMaxLength)
            {
                return false;
            }

            foreach (char c in name.ToCharArray())
            {
                if (!IsTemplateNameChar(c))
                {
                    return false;
                }
            }

            return true;
        }

        private static FpStatus Validate(FpApi api, FpFormat format, FpApiTopic kind, string? templateName)
        {
            if (!InRange(api, format, kind))
            {
                return FpStatus.BadParameter;
            }

            if (api == FpApi.RegisterThing && !IsValidTemplateName(templateName))
            {
                return FpStatus.BadParameter;
            }

            return FpStatus.Success;
        }

        private static bool InRange(FpApi api, FpFormat format, FpApiTopic kind) =>
            (int)api >= 0 && (int)api < ApisCount
            && (int)format >= 0 && (int)format < FormatsCount
            && (int)kind >= 0 && (int)kind < KindsCount;

        private static int LengthOf(FpApi api, FpApiTopic kind, string? templateName)
        {
            // Both format fragments have the same length.
            int length = api == FpApi.RegisterThing
                ? RegisterPrefix.Length + templateName!.Length + RegisterBridge.Length
                : PrefixOf(api).Length;
            length += JsonFragment.Length;
            if (kind != FpApiTopic.Publish)
            {
                length += SuffixOf(kind).Length;
            }

            return length;
        }

        private static string PrefixOf(FpApi api) =>
            api == FpApi.CreateKeysAndCertificate ? CreateKeysPrefix : CreateCertFromCsrPrefix;

        private static string SuffixOf(FpApiTopic kind) => kind == FpApiTopic.Accepted ? AcceptedSuffix : RejectedSuffix;

        /// <summary>
        /// Copies an ASCII fragment (a constant above, or a template name that passed
        /// <see cref="IsValidTemplateName"/>: the nanoCLR indexes ASCII right); the caller has checked the room.
        /// </summary>
        private static int Append(byte[] buffer, int at, string fragment)
        {
            for (int i = 0; i < fragment.Length; i++)
            {
                buffer[at++] = (byte)fragment[i];
            }

            return at;
        }

        /// <summary>Consumes <paramref name="fragment"/>, one of the ASCII constants above (indexing those is right everywhere).</summary>
        private static bool ConsumeIfMatch(char[] topic, ref int cursor, string fragment)
        {
            if (topic.Length - cursor < fragment.Length)
            {
                return false;
            }

            for (int i = 0; i < fragment.Length; i++)
            {
                if (topic[cursor + i] != fragment[i])
                {
                    return false;
                }
            }

            cursor += fragment.Length;
            return true;
        }

        /// <summary>Consumes a valid template name up to the next '/' (which stays unconsumed).</summary>
        private static bool ConsumeTemplateName(char[] topic, ref int cursor)
        {
            int start = cursor;
            while (cursor < topic.Length && topic[cursor] != '/')
            {
                if (!IsTemplateNameChar(topic[cursor]) || cursor - start == TemplateNameMaxLength)
                {
                    return false;
                }

                cursor++;
            }

            return cursor > start;
        }

        private static bool IsTemplateNameChar(char c) =>
            (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '-';
    }
}
