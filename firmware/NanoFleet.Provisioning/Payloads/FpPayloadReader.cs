namespace NanoFleet.Provisioning
{
    /// <summary>
    /// Reads the provisioning responses (both create APIs' accepted responses, RegisterThing's
    /// accepted response, and the error body of every /rejected topic) from JSON or CBOR. Bounded
    /// and validating: payload size and nesting are limited by <see cref="FpReaderOptions"/>,
    /// unknown fields are skipped, and anything wrong — a missing, duplicated or mistyped field,
    /// truncated or trailing bytes, invalid UTF-8, a nested map where AWS sends text — returns
    /// <see cref="FpStatus.BadParameter"/> with the caller's <see cref="FpReadError"/> naming the
    /// field or offset. It never throws on any input. The result object is only written on
    /// success, so a failed read leaves it as it was.
    /// </summary>
    /// <example>
    /// <code>
    /// var accepted = new CreateCertificateAccepted();
    /// var error = new FpReadError();
    /// if (FpPayloadReader.ReadCreateCertificateAccepted(FpFormat.Json, payload, 0, payload.Length,
    ///         FpReaderOptions.Default, true, accepted, error) != FpStatus.Success)
    /// {
    ///     log("rejected payload: " + error); // e.g. "MissingField in field 'privateKey'"
    /// }
    /// </code>
    /// </example>
    public static class FpPayloadReader
    {
        /// <summary>Reads a CreateKeysAndCertificate or CreateCertificateFromCsr accepted response.</summary>
        /// <param name="format">JSON or CBOR.</param>
        /// <param name="payload">The message payload.</param>
        /// <param name="offset">First byte of the payload in <paramref name="payload"/>.</param>
        /// <param name="count">Payload length.</param>
        /// <param name="options">Bounds; null means <see cref="FpReaderOptions.Default"/>.</param>
        /// <param name="requirePrivateKey">True for CreateKeysAndCertificate (privateKey required);
        /// false for the CSR flow (privateKey ignored, result's PrivateKey set to null).</param>
        /// <param name="result">Filled on success only.</param>
        /// <param name="error">Cleared, then filled on failure.</param>
        /// <returns><see cref="FpStatus.Success"/>, or <see cref="FpStatus.BadParameter"/> with
        /// <paramref name="error"/> filled (left unfilled only when <paramref name="error"/> itself is null).</returns>
        public static FpStatus ReadCreateCertificateAccepted(FpFormat format, byte[] payload, int offset, int count, FpReaderOptions options, bool requirePrivateKey, CreateCertificateAccepted result, FpReadError error)
        {
            IPayloadSource? source = Open(format, payload, offset, count, options, result, error);
            if (source == null)
            {
                return FpStatus.BadParameter;
            }

            string? id = null;
            string? pem = null;
            string? key = null;
            string? token = null;
            bool ok = source.ReadStartMap();
            while (ok)
            {
                ok = source.NextKey(out bool atEnd);
                if (!ok || atEnd)
                {
                    break;
                }

                if (source.KeyEquals(FpPayloadKeys.CertificateId))
                {
                    ok = ReadTextOnce(source, FpPayloadKeys.CertificateId, ref id, error);
                }
                else if (source.KeyEquals(FpPayloadKeys.CertificatePem))
                {
                    ok = ReadTextOnce(source, FpPayloadKeys.CertificatePem, ref pem, error);
                }
                else if (source.KeyEquals(FpPayloadKeys.CertificateOwnershipToken))
                {
                    ok = ReadTextOnce(source, FpPayloadKeys.CertificateOwnershipToken, ref token, error);
                }
                else if (requirePrivateKey && source.KeyEquals(FpPayloadKeys.PrivateKey))
                {
                    ok = ReadTextOnce(source, FpPayloadKeys.PrivateKey, ref key, error);
                }
                else
                {
                    ok = source.SkipValue();
                }
            }

            ok = ok && source.ReadEnd()
                && Require(id, FpPayloadKeys.CertificateId, error)
                && Require(pem, FpPayloadKeys.CertificatePem, error)
                && (!requirePrivateKey || Require(key, FpPayloadKeys.PrivateKey, error))
                && Require(token, FpPayloadKeys.CertificateOwnershipToken, error);
            if (!ok)
            {
                return FpStatus.BadParameter;
            }

            result.CertificateId = id!;
            result.CertificatePem = pem!;
            result.PrivateKey = key;
            result.CertificateOwnershipToken = token!;
            return FpStatus.Success;
        }

        /// <summary>Reads a RegisterThing accepted response: <c>thingName</c> (required) and <c>deviceConfiguration</c> (optional flat string map).</summary>
        /// <param name="format">JSON or CBOR.</param>
        /// <param name="payload">The message payload.</param>
        /// <param name="offset">First byte of the payload in <paramref name="payload"/>.</param>
        /// <param name="count">Payload length.</param>
        /// <param name="options">Bounds; null means <see cref="FpReaderOptions.Default"/>.</param>
        /// <param name="result">Filled on success only (its DeviceConfiguration replaced).</param>
        /// <param name="error">Cleared, then filled on failure.</param>
        /// <returns><see cref="FpStatus.Success"/>, or <see cref="FpStatus.BadParameter"/> with
        /// <paramref name="error"/> filled (a nested value inside deviceConfiguration is <see cref="FpReadErrorKind.WrongType"/>).</returns>
        public static FpStatus ReadRegisterThingAccepted(FpFormat format, byte[] payload, int offset, int count, FpReaderOptions options, RegisterThingAccepted result, FpReadError error)
        {
            IPayloadSource? source = Open(format, payload, offset, count, options, result, error);
            if (source == null)
            {
                return FpStatus.BadParameter;
            }

            string? thingName = null;
            StringMap? configuration = null;
            bool ok = source.ReadStartMap();
            while (ok)
            {
                ok = source.NextKey(out bool atEnd);
                if (!ok || atEnd)
                {
                    break;
                }

                if (source.KeyEquals(FpPayloadKeys.ThingName))
                {
                    ok = ReadTextOnce(source, FpPayloadKeys.ThingName, ref thingName, error);
                }
                else if (source.KeyEquals(FpPayloadKeys.DeviceConfiguration))
                {
                    if (configuration != null)
                    {
                        ok = Duplicate(source, FpPayloadKeys.DeviceConfiguration, error);
                    }
                    else
                    {
                        configuration = new StringMap();
                        ok = ReadFlatMap(source, configuration, (options ?? FpReaderOptions.Default).MaxMapEntries, error);
                        error.SetFieldIfEmpty(FpPayloadKeys.DeviceConfiguration);
                    }
                }
                else
                {
                    ok = source.SkipValue();
                }
            }

            ok = ok && source.ReadEnd() && Require(thingName, FpPayloadKeys.ThingName, error);
            if (!ok)
            {
                return FpStatus.BadParameter;
            }

            result.ThingName = thingName!;
            result.DeviceConfiguration.Clear();
            for (int i = 0; configuration != null && i < configuration.Count; i++)
            {
                result.DeviceConfiguration.Set(configuration.KeyAt(i), configuration.ValueAt(i));
            }

            return FpStatus.Success;
        }

        /// <summary>Reads the body of a /rejected response: <c>statusCode</c> and <c>errorCode</c> (required), <c>errorMessage</c> (optional).</summary>
        /// <param name="format">JSON or CBOR.</param>
        /// <param name="payload">The message payload.</param>
        /// <param name="offset">First byte of the payload in <paramref name="payload"/>.</param>
        /// <param name="count">Payload length.</param>
        /// <param name="options">Bounds; null means <see cref="FpReaderOptions.Default"/>.</param>
        /// <param name="result">Filled on success only.</param>
        /// <param name="error">Cleared, then filled on failure.</param>
        /// <returns><see cref="FpStatus.Success"/>, or <see cref="FpStatus.BadParameter"/> with <paramref name="error"/> filled.</returns>
        public static FpStatus ReadErrorResponse(FpFormat format, byte[] payload, int offset, int count, FpReaderOptions options, ErrorResponse result, FpReadError error)
        {
            IPayloadSource? source = Open(format, payload, offset, count, options, result, error);
            if (source == null)
            {
                return FpStatus.BadParameter;
            }

            bool hasStatus = false;
            int statusCode = 0;
            string? errorCode = null;
            string? errorMessage = null;
            bool ok = source.ReadStartMap();
            while (ok)
            {
                ok = source.NextKey(out bool atEnd);
                if (!ok || atEnd)
                {
                    break;
                }

                if (source.KeyEquals(FpPayloadKeys.StatusCode))
                {
                    ok = hasStatus ? Duplicate(source, FpPayloadKeys.StatusCode, error) : source.ReadInt32(out statusCode);
                    error.SetFieldIfEmpty(FpPayloadKeys.StatusCode);
                    hasStatus = true;
                }
                else if (source.KeyEquals(FpPayloadKeys.ErrorCode))
                {
                    ok = ReadTextOnce(source, FpPayloadKeys.ErrorCode, ref errorCode, error);
                }
                else if (source.KeyEquals(FpPayloadKeys.ErrorMessage))
                {
                    ok = ReadTextOnce(source, FpPayloadKeys.ErrorMessage, ref errorMessage, error);
                }
                else
                {
                    ok = source.SkipValue();
                }
            }

            ok = ok && source.ReadEnd() && Require(errorCode, FpPayloadKeys.ErrorCode, error);
            if (ok && !hasStatus)
            {
                error.Set(FpReadErrorKind.MissingField, FpPayloadKeys.StatusCode, -1);
                ok = false;
            }

            if (!ok)
            {
                return FpStatus.BadParameter;
            }

            result.StatusCode = statusCode;
            result.ErrorCode = errorCode!;
            result.ErrorMessage = errorMessage ?? "";
            return FpStatus.Success;
        }

        /// <summary>Checks the arguments and bounds and opens a source; null (error filled when possible) when it cannot.</summary>
        private static IPayloadSource? Open(FpFormat format, byte[] payload, int offset, int count, FpReaderOptions options, object result, FpReadError error)
        {
            if (error == null)
            {
                return null;
            }

            error.Clear();
            string? badArgument = BadArgument(format, payload, offset, count, result);
            if (badArgument != null)
            {
                error.Set(FpReadErrorKind.BadArgument, badArgument, -1);
                return null;
            }

            options = options ?? FpReaderOptions.Default;
            if (count > options.MaxPayloadBytes)
            {
                error.Set(FpReadErrorKind.TooLarge, "", options.MaxPayloadBytes);
                return null;
            }

            if (count == 0)
            {
                error.Set(FpReadErrorKind.Truncated, "", 0);
                return null;
            }

            return format == FpFormat.Json
                ? new JsonPayloadSource(payload, offset, count, options.MaxDepth, error)
                : new CborPayloadSource(payload, offset, count, options.MaxDepth, error);
        }

        /// <summary>The name of the first unusable argument, or null.</summary>
        private static string? BadArgument(FpFormat format, byte[] payload, int offset, int count, object result)
        {
            if (format != FpFormat.Json && format != FpFormat.Cbor)
            {
                return "format";
            }

            if (payload == null)
            {
                return "payload";
            }

            if (result == null)
            {
                return "result";
            }

            if (offset < 0 || offset > payload.Length)
            {
                return "offset";
            }

            return count < 0 || count > payload.Length - offset ? "count" : null;
        }

        /// <summary>Reads a text field, refusing a second occurrence (which could smuggle a different value past a checker).</summary>
        private static bool ReadTextOnce(IPayloadSource source, string field, ref string? slot, FpReadError error)
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

        private static bool Duplicate(IPayloadSource source, string field, FpReadError error)
        {
            error.Set(FpReadErrorKind.Syntax, field, source.KeyOffset);
            return false;
        }

        /// <summary>
        /// Reads a map whose values are all text (deviceConfiguration is flat; nested values are
        /// refused), with at most <paramref name="maxEntries"/> entries and no repeated key.
        /// </summary>
        private static bool ReadFlatMap(IPayloadSource source, StringMap map, int maxEntries, FpReadError error)
        {
            bool ok = source.ReadStartMap();
            while (ok)
            {
                ok = source.NextKey(out bool atEnd);
                if (!ok || atEnd)
                {
                    break;
                }

                if (map.Count == maxEntries)
                {
                    error.Set(FpReadErrorKind.TooLarge, "", source.KeyOffset);
                    return false;
                }

                ok = source.ReadKey(out string key) && source.ReadText(out string value) && Add(source, map, key, value, error);
            }

            return ok;
        }

        private static bool Add(IPayloadSource source, StringMap map, string key, string value, FpReadError error)
        {
            if (map.IndexOf(key) >= 0)
            {
                error.Set(FpReadErrorKind.Syntax, "", source.KeyOffset);
                return false;
            }

            map.Set(key, value);
            return true;
        }

        /// <summary>Required text fields must be present and not empty.</summary>
        private static bool Require(string? value, string field, FpReadError error)
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
