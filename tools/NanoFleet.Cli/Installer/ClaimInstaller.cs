using System;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Hal;
using NanoFleet.Provisioning.Transfer;

namespace NanoFleet.Cli.Installer
{
    /// <summary>
    /// The installer's side of the claim transfer: get a temporary claim as the installer, wait for
    /// the device's HELLO, send the CLAIM (again when it is unanswered or arrives corrupted), then
    /// follow what the device reports until THING or FAILED. The claim's key exists only in memory
    /// here and in the frame on the wire; the buffers that held it are zeroed once it is sent.
    /// </summary>
    /// <example><code>
    /// var installer = new ClaimInstaller(new SerialPortLine("/dev/ttyUSB0"), new ControlPlaneClaimSource(client));
    /// installer.Progress += (_, e) => Console.WriteLine(e.Stage + " " + e.Detail);
    /// InstallOutcome outcome = await installer.RunAsync("fleet", ct);
    /// </code></example>
    public sealed class ClaimInstaller
    {
        private const int PollMilliseconds = 200;

        private readonly ISerialLine _line;
        private readonly IClaimSource _source;
        private readonly InstallerOptions _options;
        private readonly TransferReceiver _receiver = new TransferReceiver(new byte[TransferFrame.MaxFrameLength]);
        private readonly TransferFrame _frame = new TransferFrame();

        /// <summary>Creates the installer over <paramref name="line"/> (the device's serial port).</summary>
        public ClaimInstaller(ISerialLine line, IClaimSource source, InstallerOptions? options = null)
        {
            _line = line ?? throw new ArgumentNullException(nameof(line));
            _source = source ?? throw new ArgumentNullException(nameof(source));
            _options = options ?? new InstallerOptions();
        }

        /// <summary>Raised for each step and each device report.</summary>
        public event EventHandler<InstallerProgressEventArgs>? Progress;

        /// <summary>The device's MAC from its HELLO ("" before).</summary>
        public string DeviceMac { get; private set; } = "";

        /// <summary>The thing name the device reported (Provisioned only).</summary>
        public string ThingName { get; private set; } = "";

        /// <summary>The device's reason for a NACK or FAILED, e.g. CLAIM_EXPIRED; "" otherwise.</summary>
        public string DeviceReason { get; private set; } = "";

        /// <summary>Fetches a claim for <paramref name="templateName"/> and hands it to the device.</summary>
        /// <returns>How it ended.</returns>
        /// <exception cref="NanoFleet.Cloud.ControlPlane.AwsServiceException">CreateProvisioningClaim was refused; nothing was sent.</exception>
        /// <exception cref="System.Net.Http.HttpRequestException">The service is not reachable; nothing was sent.</exception>
        /// <exception cref="OperationCanceledException">Cancelled.</exception>
        public async Task<InstallOutcome> RunAsync(string templateName, CancellationToken cancellation)
        {
            ClaimGrant grant = await _source.CreateAsync(templateName, cancellation).ConfigureAwait(false);
            Report("CLAIM", $"got {grant} for template {templateName}");
            return await Task.Run(() => HandOver(grant, templateName, cancellation), cancellation).ConfigureAwait(false);
        }

        private InstallOutcome HandOver(ClaimGrant grant, string templateName, CancellationToken cancellation)
        {
            Report("WAITING", $"for the device's HELLO on the serial line (up to {_options.HelloTimeout.TotalSeconds:0} s)");
            if (!WaitFor(_options.HelloTimeout, cancellation, type => type == TransferMessages.Hello))
            {
                return Silent("the device said no HELLO: is it waiting for a claim, and is this its port?");
            }

            TransferFrameReader.ReadText(_frame, TransferFields.MacAddress, out string mac);
            TransferFrameReader.ReadUInt32(_frame, TransferFields.WaitSeconds, out uint waitSeconds);
            DeviceMac = mac;
            Report("HELLO", $"device {Hal.Host.Identity.MacAddress.ToDisplay(mac)} is waiting for a claim ({waitSeconds} s left)");

            InstallOutcome? refused = Push(grant, templateName, cancellation);
            return refused ?? FollowProvisioning(cancellation);
        }

        // Null once the device said RECEIVED.
        private InstallOutcome? Push(ClaimGrant grant, string templateName, CancellationToken cancellation)
        {
            for (byte sequence = 1; sequence <= _options.MaxSends; sequence++)
            {
                SendClaim(grant, templateName, sequence);
                Report("SENT", $"the claim (frame {sequence} of at most {_options.MaxSends})");
                byte answered = sequence;
                if (!WaitFor(_options.AckTimeout, cancellation, type => (type == TransferMessages.Received || type == TransferMessages.Nack) && _frame.Sequence == answered))
                {
                    continue;
                }

                if (_frame.Type == TransferMessages.Received)
                {
                    Report("RECEIVED", "the device has the claim (in RAM only)");
                    return null;
                }

                TransferFrameReader.ReadByte(_frame, TransferFields.Reason, out byte reason);
                TransferFrameReader.ReadText(_frame, TransferFields.Detail, out string detail);
                DeviceReason = TransferReasons.NameOf(reason);
                Report("NACK", DeviceReason + ": " + detail);
                if (reason != TransferReasons.BadCrc)
                {
                    return InstallOutcome.Refused;
                }
            }

            return Silent($"the device did not take the claim after {_options.MaxSends} sends");
        }

        private InstallOutcome FollowProvisioning(CancellationToken cancellation)
        {
            var deadline = Stopwatch.StartNew();
            while (WaitFor(_options.ProvisioningTimeout - deadline.Elapsed, cancellation,
                type => type == TransferMessages.Provisioning || type == TransferMessages.Thing || type == TransferMessages.Failed))
            {
                if (_frame.Type == TransferMessages.Provisioning)
                {
                    TransferFrameReader.ReadText(_frame, TransferFields.Detail, out string step);
                    Report("PROVISIONING", step);
                    continue;
                }

                if (_frame.Type == TransferMessages.Thing)
                {
                    TransferFrameReader.ReadText(_frame, TransferFields.ThingName, out string thing);
                    ThingName = thing;
                    Report("THING", $"device {Hal.Host.Identity.MacAddress.ToDisplay(DeviceMac)} is now thing '{thing}'");
                    return InstallOutcome.Provisioned;
                }

                TransferFrameReader.ReadByte(_frame, TransferFields.Reason, out byte reason);
                TransferFrameReader.ReadText(_frame, TransferFields.Detail, out string detail);
                DeviceReason = TransferReasons.NameOf(reason);
                Report("FAILED", DeviceReason + " (" + detail + ")");
                return reason == TransferReasons.ClaimExpired ? InstallOutcome.ClaimExpired : InstallOutcome.Failed;
            }

            return Silent($"no THING or FAILED from the device in {_options.ProvisioningTimeout.TotalSeconds:0} s");
        }

        private void SendClaim(ClaimGrant grant, string templateName, byte sequence)
        {
            var claim = new TemporaryClaim
            {
                CertificatePem = Encoding.UTF8.GetBytes(grant.CertificatePem),
                PrivateKeyPem = Encoding.UTF8.GetBytes(grant.PrivateKeyPem),
                TemplateName = templateName,
                ExpiresUnixSeconds = grant.Expiration.ToUnixTimeSeconds(),
                Endpoint = _options.DeviceEndpoint,
            };
            var frame = new byte[TransferFrame.MaxFrameLength];
            try
            {
                TransferStatus status = ClaimMessage.Write(frame, 0, frame.Length, sequence, claim, out int written);
                if (status != TransferStatus.Success)
                {
                    throw new InvalidOperationException($"Failed to frame the claim: {status} (a certificate and key of {claim.CertificatePem.Length + claim.PrivateKeyPem.Length} bytes)");
                }

                if (_line.Write(frame, 0, written) != HalStatus.Success)
                {
                    throw new System.IO.IOException("Failed to write the claim to the serial line: the port went away");
                }
            }
            finally
            {
                claim.Wipe();
                TemporaryClaim.Zero(frame);
            }
        }

        // Reads frames until one of the wanted type arrives (left in _frame); false on timeout or a closed line.
        private bool WaitFor(TimeSpan timeout, CancellationToken cancellation, Func<byte, bool> wanted)
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                TransferStatus status;
                while ((status = _receiver.Next(_frame)) != TransferStatus.NeedMoreData)
                {
                    if (status == TransferStatus.Success && wanted(_frame.Type))
                    {
                        return true;
                    }
                }

                TimeSpan left = timeout - clock.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    return false;
                }

                if (_receiver.Receive(_line, (int)Math.Min(PollMilliseconds, Math.Ceiling(left.TotalMilliseconds))) < 0)
                {
                    Report("LINE", "the serial line closed");
                    return false;
                }
            }
        }

        private InstallOutcome Silent(string why)
        {
            Report("SILENT", why);
            return InstallOutcome.DeviceSilent;
        }

        private void Report(string stage, string detail) => Progress?.Invoke(this, new InstallerProgressEventArgs(stage, detail));
    }
}
