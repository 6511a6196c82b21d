using System;
using System.Collections.Generic;

namespace NanoFleet.Cloud.Events
{
    /// <summary>
    /// Raised before a RegisterThing is applied (after the token, template and hook checks), so a test
    /// can veto it: set <see cref="Accept"/> false and the device gets <see cref="RejectStatusCode"/> /
    /// <see cref="RejectErrorCode"/> on /rejected, with nothing written.
    /// </summary>
    public sealed class RegisterThingRequestedEventArgs : EventArgs
    {
        internal RegisterThingRequestedEventArgs(
            string clientId, string claimCertificateId, string certificateId, string templateName, IReadOnlyDictionary<string, string> parameters)
        {
            ClientId = clientId;
            ClaimCertificateId = claimCertificateId;
            CertificateId = certificateId;
            TemplateName = templateName;
            Parameters = parameters;
        }

        /// <summary>The MQTT client id of the requesting connection.</summary>
        public string ClientId { get; }

        /// <summary>The claim certificate the connection used.</summary>
        public string ClaimCertificateId { get; }

        /// <summary>The certificate the ownership token names.</summary>
        public string CertificateId { get; }

        /// <summary>The template named in the topic.</summary>
        public string TemplateName { get; }

        /// <summary>The merged parameters (request plus hook overrides).</summary>
        public IReadOnlyDictionary<string, string> Parameters { get; }

        /// <summary>Set false to reject the request.</summary>
        public bool Accept { get; set; } = true;

        /// <summary>The error code sent when rejected. Default ACCESS_DENIED.</summary>
        public string RejectErrorCode { get; set; } = "ACCESS_DENIED";

        /// <summary>The status code sent when rejected. Default 403.</summary>
        public int RejectStatusCode { get; set; } = 403;

        /// <summary>The error message sent when rejected.</summary>
        public string RejectErrorMessage { get; set; } = "Rejected by the InterceptingRegisterThingAsync handler.";
    }
}
