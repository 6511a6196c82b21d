using System;
using NanoFleet.Provisioning.Text;

namespace NanoFleet.Provisioning
{
    /// <summary>
    /// The RegisterThing request for the certificate just created, composed once, when the create
    /// API answers. The ownership token is used nowhere else, so it is copied straight from the
    /// response into this request in its encoded form (request and response share a format): the
    /// device never holds the token a second time, and wiping the request wipes the token. The
    /// parameters are written from the options' map plus the MAC, without building a merged map.
    /// </summary>
    internal sealed class RegisterThingRequest
    {
        private static readonly byte[] NoBytes = new byte[0];

        private readonly FpFormat _format;
        private readonly StringMap _parameters;
        private readonly string _extraName;
        private readonly string _extraValue;
        private int _tokenAt;
        private int _tokenLength;

        /// <param name="format">The format of both the create response and this request.</param>
        /// <param name="parameters">The configured template parameters.</param>
        /// <param name="extraName">One more parameter (the MAC's name), replacing an entry of that name.</param>
        /// <param name="extraValue">Its value.</param>
        public RegisterThingRequest(FpFormat format, StringMap parameters, string extraName, string extraValue)
        {
            _format = format;
            _parameters = parameters;
            _extraName = extraName;
            _extraValue = extraValue;
        }

        /// <summary>The request payload, exactly its size; null before <see cref="Compose"/> and after <see cref="Wipe"/>.</summary>
        public byte[]? Payload { get; private set; }

        /// <summary>Composes the request around the token located in a create response that is still readable.</summary>
        /// <returns>Success, or BadParameter when the parameters cannot be encoded.</returns>
        public FpStatus Compose(IPayloadSource source, PendingText token)
        {
            Wipe();
            RequestText text = RequestText.Located(source, token);
            FpStatus status = FpPayloadWriter.WriteRegisterThingRequest(_format, text, _parameters, _extraName, _extraValue, NoBytes, 0, out int needed, out _);
            if (status != FpStatus.BufferTooSmall)
            {
                return status; // a request is never empty, so only a bad parameter ends here
            }

            var payload = new byte[needed];
            status = FpPayloadWriter.WriteRegisterThingRequest(_format, text, _parameters, _extraName, _extraValue, payload, 0, out _, out _tokenAt);
            _tokenLength = token.Length;
            Payload = payload;
            return status;
        }

        /// <summary>Zeroes and drops the request (and so the token): once spent or given up it is only a secret to leak.</summary>
        public void Wipe()
        {
            if (Payload != null)
            {
                Array.Clear(Payload, 0, Payload.Length);
                Payload = null;
            }
        }

        /// <summary>
        /// True when <paramref name="text"/> quotes the token. It is compared in its encoded form,
        /// which for AWS's tokens (base64) is the token itself.
        /// </summary>
        public bool IsQuotedIn(string text) => Payload != null && Utf8.Contains(text, Payload, _tokenAt, _tokenLength);
    }
}
