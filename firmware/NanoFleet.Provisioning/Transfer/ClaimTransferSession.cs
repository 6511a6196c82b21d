using NanoFleet.Hal;
using NanoFleet.Provisioning.Keys;
using NanoFleet.Provisioning.Text;

namespace NanoFleet.Provisioning.Transfer
{
    /// <summary>
    /// The device's end of the claim transfer. <see cref="AwaitClaim"/> says HELLO every few seconds
    /// and waits, bounded, for an installer's CLAIM; <see cref="Provision"/> runs the provisioning
    /// core with it and reports each step, the thing name or the failure back over the line. A claim
    /// the broker refuses at connect (expired) ends the run with FAILED CLAIM_EXPIRED: it is never
    /// retried, the installer fetches a new one.
    /// </summary>
    /// <example><code>
    /// var session = new ClaimTransferSession(uart, clock, log, identity.MacAddress);
    /// var temporary = new TemporaryClaim();
    /// if (session.AwaitClaim(600000, temporary) == ClaimWaitResult.Received)
    /// {
    ///     temporary.ApplyTo(claim);
    ///     RunResult result = session.Provision(new ProvisioningRunner(..., claim, options));
    ///     temporary.Wipe();
    /// }
    /// </code></example>
    public sealed class ClaimTransferSession
    {
        private const string ClaimRefusedAtConnect = "ConnectingWithClaimPermanentFailure";

        private readonly ISerialLine _line;
        private readonly IClock _clock;
        private readonly ILogSink _log;
        private readonly string _macAddress;
        private readonly TransferReceiver _receiver = new TransferReceiver(new byte[TransferFrame.MaxFrameLength]);
        private readonly byte[] _send = new byte[512]; // device messages are a MAC, a step or a thing name
        private readonly TransferFrame _frame = new TransferFrame();
        private readonly object _stopLock = new object();
        private readonly ProvisioningStepChangedEventHandler _onStep;
        private ProvisioningRunner? _runner;
        private bool _stopRequested;
        private byte _sequence;
        private byte _failureReason;

        /// <summary>Creates the session; nothing is read or sent until <see cref="AwaitClaim"/>.</summary>
        /// <param name="line">The UART (a pty on the host) the installer is on.</param>
        /// <param name="clock">Bounds the wait and paces the HELLOs.</param>
        /// <param name="log">Receives what the device waits for and what it got (never the key).</param>
        /// <param name="macAddress">Sent in every HELLO so the installer knows it has the right device.</param>
        /// <exception cref="System.ArgumentNullException">An argument is null.</exception>
        public ClaimTransferSession(ISerialLine line, IClock clock, ILogSink log, string macAddress)
        {
            if (line == null) throw new System.ArgumentNullException(nameof(line));
            if (clock == null) throw new System.ArgumentNullException(nameof(clock));
            if (log == null) throw new System.ArgumentNullException(nameof(log));
            if (macAddress == null) throw new System.ArgumentNullException(nameof(macAddress));
            _line = line;
            _clock = clock;
            _log = log;
            _macAddress = macAddress;
            _onStep = OnStepChanged;
        }

        /// <summary>Time between HELLOs while waiting, in milliseconds.</summary>
        public int HelloIntervalMilliseconds { get; set; } = 2000;

        /// <summary>After a failed <see cref="Provision"/>: one of <see cref="TransferReasons"/>; 0 otherwise.</summary>
        public byte FailureReason => _failureReason;

        /// <summary>Waits at most <paramref name="waitMilliseconds"/> for a usable CLAIM.</summary>
        /// <param name="waitMilliseconds">The configured wait.</param>
        /// <param name="claim">Filled when Received; the caller wipes it after use.</param>
        /// <returns>Received, TimedOut, LineGone or Stopped.</returns>
        public ClaimWaitResult AwaitClaim(int waitMilliseconds, TemporaryClaim claim)
        {
            long now = _clock.MonotonicMilliseconds;
            long deadline = now + waitMilliseconds;
            long nextHello = now;
            _log.Log(LogLevel.Info, "AwaitingClaim", "waiting up to " + (waitMilliseconds / 1000) + " s for an installer's temporary claim on the serial line (MAC " + _macAddress + ")");
            try
            {
                while (!StopRequested)
                {
                    now = _clock.MonotonicMilliseconds;
                    if (now >= deadline)
                    {
                        _log.Log(LogLevel.Warning, "ClaimWaitTimedOut", "no claim arrived in " + (waitMilliseconds / 1000) + " s");
                        return ClaimWaitResult.TimedOut;
                    }

                    if (now >= nextHello)
                    {
                        int written;
                        DeviceReport.WriteHello(_send, _send.Length, NextSequence(), _macAddress, (uint)((deadline - now) / 1000), out written);
                        Send(written);
                        nextHello = now + HelloIntervalMilliseconds;
                    }

                    long wait = (nextHello < deadline ? nextHello : deadline) - now;
                    if (_receiver.Receive(_line, (int)wait) < 0)
                    {
                        _log.Log(LogLevel.Error, "ClaimLineGone", "the serial line closed while waiting for a claim");
                        return ClaimWaitResult.LineGone;
                    }

                    if (TakeClaim(claim))
                    {
                        return ClaimWaitResult.Received;
                    }
                }

                return ClaimWaitResult.Stopped;
            }
            finally
            {
                // A claim cut off mid-frame (timeout, line gone, stop) must not leave its key bytes in the receive buffer.
                _receiver.Clear();
            }
        }

        /// <summary>
        /// Runs <paramref name="runner"/> (built over the temporary claim) and reports PROVISIONING
        /// per step, then THING, or FAILED when the cloud refuses the claim or the provisioning for good.
        /// </summary>
        /// <returns>The runner's result: RebootRequested or Operational when provisioned, Stopped after FAILED (see <see cref="FailureReason"/>) or <see cref="Stop"/>.</returns>
        public RunResult Provision(ProvisioningRunner runner)
        {
            _failureReason = 0;
            _runner = runner;
            runner.StepChanged += _onStep;
            try
            {
                return runner.Run();
            }
            finally
            {
                runner.StepChanged -= _onStep;
                _runner = null;
            }
        }

        /// <summary>Ends <see cref="AwaitClaim"/> or <see cref="Provision"/> early; safe from any thread.</summary>
        public void Stop()
        {
            lock (_stopLock)
            {
                _stopRequested = true;
            }

            ProvisioningRunner? runner = _runner;
            if (runner != null)
            {
                runner.Stop();
            }
        }

        private bool StopRequested
        {
            get
            {
                lock (_stopLock)
                {
                    return _stopRequested;
                }
            }
        }

        private bool TakeClaim(TemporaryClaim claim)
        {
            TransferStatus status;
            while ((status = _receiver.Next(_frame)) != TransferStatus.NeedMoreData)
            {
                if (_frame.Type != TransferMessages.Claim)
                {
                    continue; // not for the device (noise that looked like a frame)
                }

                if (status != TransferStatus.Success)
                {
                    Refuse(_frame.Sequence, status == TransferStatus.BadCrc ? TransferReasons.BadCrc : TransferReasons.Malformed,
                        status == TransferStatus.BadCrc ? "the frame's CRC does not match" : "the frame's fields do not fill its payload");
                    continue;
                }

                byte sequence = _frame.Sequence;
                string error;
                status = ClaimMessage.Read(_frame, claim, out error);
                _receiver.Clear(); // the receive buffer held the key: zero it now that the claim has its own copy
                if (status != TransferStatus.Success)
                {
                    Refuse(sequence, TransferReasons.Malformed, error);
                    continue;
                }

                string reason;
                if (KeyMatch.CertificateMatchesPrivateKey(claim.CertificatePem, claim.PrivateKeyPem, out reason) != KeyMatchStatus.Success)
                {
                    claim.Wipe();
                    Refuse(sequence, TransferReasons.KeyMismatch, reason);
                    continue;
                }

                int written;
                DeviceReport.WriteReceived(_send, _send.Length, sequence, out written);
                Send(written);
                _log.Log(LogLevel.Info, "ClaimReceived", claim.ToString() + " (held in RAM only)");
                return true;
            }

            return false;
        }

        private void Refuse(byte sequence, byte reason, string detail)
        {
            _log.Log(LogLevel.Warning, "ClaimRefused", TransferReasons.NameOf(reason) + ": " + detail);
            int written;
            DeviceReport.WriteReason(_send, _send.Length, TransferMessages.Nack, sequence, reason, detail, out written);
            Send(written);
        }

        private void OnStepChanged(object sender, StepChangedEventArgs e)
        {
            int written;
            if (e.Step == ProvisioningStep.BackingOff && IsFinal(e.Failure))
            {
                // The long backoff would retry the same claim later: not with a temporary claim. Give it up and say why.
                _failureReason = e.Failure == ClaimRefusedAtConnect ? TransferReasons.ClaimExpired
                    : WholeChars.Contains(e.Failure, "RetriesExhausted") ? TransferReasons.RetriesExhausted : TransferReasons.Rejected;
                _log.Log(LogLevel.Error, "TemporaryClaimFailed", TransferReasons.NameOf(_failureReason) + " after " + e.Failure);
                DeviceReport.WriteReason(_send, _send.Length, TransferMessages.Failed, NextSequence(), _failureReason, e.Failure, out written);
                Send(written);
                ((ProvisioningRunner)sender).Stop();
                return;
            }

            if (e.Step == ProvisioningStep.Rebooting)
            {
                DeviceReport.WriteThing(_send, _send.Length, NextSequence(), ((ProvisioningRunner)sender).ThingName, out written);
            }
            else
            {
                DeviceReport.WriteProvisioning(_send, _send.Length, NextSequence(), e.StepName, out written);
            }

            Send(written);
        }

        private static bool IsFinal(string failure) =>
            WholeChars.Contains(failure, "PermanentFailure") || WholeChars.Contains(failure, "RetriesExhausted");

        private void Send(int count)
        {
            if (count > 0 && _line.Write(_send, 0, count) != HalStatus.Success)
            {
                _log.Log(LogLevel.Warning, "ClaimLineWriteFailed", "could not write to the serial line");
            }
        }

        private byte NextSequence() => _sequence++;
    }
}
