namespace NanoFleet.Provisioning.Transfer
{
    /// <summary>The CLAIM message: what the installer writes and what the device reads.</summary>
    public static class ClaimMessage
    {
        /// <summary>Writes a CLAIM frame.</summary>
        /// <param name="buffer">Output; a frame of up to <see cref="TransferFrame.MaxFrameLength"/> bytes.</param>
        /// <param name="offset">Where the frame starts.</param>
        /// <param name="capacity">Bytes available from <paramref name="offset"/>.</param>
        /// <param name="sequence">The installer's sequence number; RECEIVED or NACK echoes it.</param>
        /// <param name="claim">The claim to send.</param>
        /// <param name="written">The frame's length, or 0.</param>
        /// <returns>Success; BadParameter (no claim, text no device can hold); BufferTooSmall; BadLength (payload over the maximum).</returns>
        public static TransferStatus Write(byte[] buffer, int offset, int capacity, byte sequence, TemporaryClaim claim, out int written)
        {
            written = 0;
            if (claim == null)
            {
                return TransferStatus.BadParameter;
            }

            var w = new TransferFrameWriter(buffer, offset, capacity);
            w.Begin(TransferMessages.Claim, sequence);
            w.AddBytes(TransferFields.CertificatePem, claim.CertificatePem, 0, claim.CertificatePem.Length);
            w.AddBytes(TransferFields.PrivateKeyPem, claim.PrivateKeyPem, 0, claim.PrivateKeyPem.Length);
            w.AddText(TransferFields.TemplateName, claim.TemplateName);
            w.AddInt64(TransferFields.ExpiresUnixSeconds, claim.ExpiresUnixSeconds);
            if (claim.Endpoint.Length > 0)
            {
                w.AddText(TransferFields.Endpoint, claim.Endpoint);
            }

            return w.Finish(out written);
        }

        /// <summary>Reads a CLAIM frame into <paramref name="claim"/>.</summary>
        /// <param name="frame">A frame of type <see cref="TransferMessages.Claim"/> read with Success.</param>
        /// <param name="claim">Filled on Success.</param>
        /// <param name="error">Names the missing or malformed field; "" on Success.</param>
        /// <returns>Success; BadPayload when a required field is missing or malformed; BadParameter for another message type.</returns>
        public static TransferStatus Read(TransferFrame frame, TemporaryClaim claim, out string error)
        {
            error = "";
            if (frame == null || claim == null || frame.Type != TransferMessages.Claim)
            {
                error = "not a CLAIM frame";
                return TransferStatus.BadParameter;
            }

            if (TransferFrameReader.ReadBytes(frame, TransferFields.CertificatePem, out byte[] certificate) != TransferStatus.Success)
            {
                error = "no claim certificate";
                return TransferStatus.BadPayload;
            }

            if (TransferFrameReader.ReadBytes(frame, TransferFields.PrivateKeyPem, out byte[] key) != TransferStatus.Success)
            {
                TemporaryClaim.Zero(certificate);
                error = "no claim private key";
                return TransferStatus.BadPayload;
            }

            string endpoint = "";
            if (TransferFrameReader.ReadText(frame, TransferFields.TemplateName, out string template) != TransferStatus.Success || template.Length == 0)
            {
                error = "no template name";
            }
            else if (TransferFrameReader.ReadInt64(frame, TransferFields.ExpiresUnixSeconds, out long expires) != TransferStatus.Success)
            {
                error = "no expiry";
            }
            else if (TransferFrameReader.FindField(frame, TransferFields.Endpoint, out _, out _)
                && TransferFrameReader.ReadText(frame, TransferFields.Endpoint, out endpoint) != TransferStatus.Success)
            {
                error = "the endpoint is not text";
            }
            else
            {
                claim.CertificatePem = certificate;
                claim.PrivateKeyPem = key;
                claim.TemplateName = template;
                claim.ExpiresUnixSeconds = expires;
                claim.Endpoint = endpoint;
                return TransferStatus.Success;
            }

            TemporaryClaim.Zero(certificate);
            TemporaryClaim.Zero(key);
            return TransferStatus.BadPayload;
        }
    }
}
