using System;

namespace NanoFleet.Cloud.Events
{
    /// <summary>What happened to a request's response.</summary>
    public enum ResponseOutcome
    {
        /// <summary>Sent on /accepted or /rejected (if the client subscribed to it).</summary>
        Sent,

        /// <summary>Dropped by fault injection.</summary>
        Dropped,

        /// <summary>The connection was closed instead (fault injection).</summary>
        Disconnected,
    }

    /// <summary>Raised when a provisioning request has been answered (or not, under fault injection).</summary>
    public sealed class RequestCompletedEventArgs : EventArgs
    {
        internal RequestCompletedEventArgs(
            ProvisioningApi api, PayloadFormat format, string clientId, string? certificateId, string? thingName,
            int statusCode, string? errorCode, string? errorMessage, TimeSpan latency, ResponseOutcome outcome)
        {
            Api = api;
            Format = format;
            ClientId = clientId;
            CertificateId = certificateId;
            ThingName = thingName;
            StatusCode = statusCode;
            ErrorCode = errorCode;
            ErrorMessage = errorMessage;
            Latency = latency;
            Outcome = outcome;
        }

        /// <summary>Which API.</summary>
        public ProvisioningApi Api { get; }

        /// <summary>JSON or CBOR.</summary>
        public PayloadFormat Format { get; }

        /// <summary>The requesting connection's client id.</summary>
        public string ClientId { get; }

        /// <summary>The certificate made or registered, when there is one.</summary>
        public string? CertificateId { get; }

        /// <summary>The thing registered (RegisterThing accepted).</summary>
        public string? ThingName { get; }

        /// <summary>200 when accepted, else the rejection's status code.</summary>
        public int StatusCode { get; }

        /// <summary>Null when accepted.</summary>
        public string? ErrorCode { get; }

        /// <summary>Null when accepted.</summary>
        public string? ErrorMessage { get; }

        /// <summary>From the request's arrival to the response being handed to the broker.</summary>
        public TimeSpan Latency { get; }

        /// <summary>Whether the response went out.</summary>
        public ResponseOutcome Outcome { get; }

        /// <summary>True when the response was /accepted.</summary>
        public bool Accepted => ErrorCode is null;
    }
}
