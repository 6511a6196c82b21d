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
            FpStatus status = ReadCreateCertificateAccepted(format, payload, offset, count, options, requirePrivateKey, result, error, out IPayloadSource? source, out PendingText? token);
            if (status == FpStatus.Success)
            {
                result.CertificateOwnershipToken = FieldReading.CopyBytes(source!, token!)!;
            }

            return status;
        }

        /// <summary>
        /// Reads a create API's accepted response except the ownership token, which is only
        /// located: the machine copies it straight into its RegisterThing request, the one place
        /// the token is used, instead of holding it twice.
        /// </summary>
        /// <param name="source">On success, the payload's reader (valid while the payload is).</param>
        /// <param name="token">On success, where the token is.</param>
        internal static FpStatus ReadCreateCertificateAccepted(FpFormat format, byte[] payload, int offset, int count, FpReaderOptions options, bool requirePrivateKey,
            CreateCertificateAccepted result, FpReadError error, out IPayloadSource? source, out PendingText? token)
        {
            token = null;
            source = Open(format, payload, offset, count, options, result, error, out _);
            var fields = new CreateCertificateFields(requirePrivateKey);
            if (source == null || !FieldReading.ReadDocument(source, fields, error) || !fields.IsComplete(error))
            {
                return FpStatus.BadParameter;
            }

            fields.CopyTo(source, result);
            token = fields.Token;
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
            IPayloadSource? source = Open(format, payload, offset, count, options, result, error, out FpReaderOptions bounds);
            var fields = new RegisterThingFields(bounds.MaxMapEntries);
            if (source == null || !FieldReading.ReadDocument(source, fields, error) || !fields.IsComplete(error))
            {
                return FpStatus.BadParameter;
            }

            fields.CopyTo(result);
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
            IPayloadSource? source = Open(format, payload, offset, count, options, result, error, out _);
            var fields = new ErrorResponseFields();
            if (source == null || !FieldReading.ReadDocument(source, fields, error) || !fields.IsComplete(error))
            {
                return FpStatus.BadParameter;
            }

            fields.CopyTo(result);
            return FpStatus.Success;
        }

        /// <summary>Checks the arguments and bounds and opens a source; null (error filled when possible) when it cannot.</summary>
        private static IPayloadSource? Open(FpFormat format, byte[] payload, int offset, int count, FpReaderOptions options, object result, FpReadError error, out FpReaderOptions bounds)
        {
            bounds = options ?? FpReaderOptions.Default;
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

            if (count > bounds.MaxPayloadBytes)
            {
                error.Set(FpReadErrorKind.TooLarge, "", bounds.MaxPayloadBytes);
                return null;
            }

            if (count == 0)
            {
                error.Set(FpReadErrorKind.Truncated, "", 0);
                return null;
            }

            return format == FpFormat.Json
                ? new JsonPayloadSource(payload, offset, count, bounds.MaxDepth, error)
                : new CborPayloadSource(payload, offset, count, bounds.MaxDepth, error);
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
    }
}
