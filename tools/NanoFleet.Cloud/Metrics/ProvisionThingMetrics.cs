using System.Threading;

namespace NanoFleet.Cloud.Metrics
{
    /// <summary>
    /// The CloudWatch metrics AWS publishes for just-in-time provisioning (metrics_dimensions.md): one count per
    /// template run at a certificate's first connection, by outcome.
    /// </summary>
    public sealed class ProvisionThingMetrics
    {
        private long _success, _clientError, _serverError;

        /// <summary>Templates that ran and registered the certificate (ProvisionThing.Success).</summary>
        public long Success => Interlocked.Read(ref _success);

        /// <summary>Runs that failed on the certificate or the template (ProvisionThing.ClientError).</summary>
        public long ClientError => Interlocked.Read(ref _clientError);

        /// <summary>Runs that failed inside the emulator (ProvisionThing.ServerError).</summary>
        public long ServerError => Interlocked.Read(ref _serverError);

        internal void RecordSuccess() => Interlocked.Increment(ref _success);

        internal void RecordClientError() => Interlocked.Increment(ref _clientError);

        internal void RecordServerError() => Interlocked.Increment(ref _serverError);
    }
}
