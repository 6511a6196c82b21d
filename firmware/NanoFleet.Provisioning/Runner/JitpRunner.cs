using System;
using System.Threading;
using NanoFleet.Hal;
using NanoFleet.Provisioning.Keys;

namespace NanoFleet.Provisioning
{
    /// <summary>
    /// Runs a <see cref="JitpMachine"/> on the calling thread: the device connects with its own certificate (chain with
    /// the CA) as the thing its certificate's commonName names, waits out the backoff after each failure (the first one
    /// is the connection AWS closes while it provisions), and returns once connected. No generics, no async.
    /// </summary>
    /// <example><code>
    /// var runner = new JitpRunner(session, clock, random, log, image, new JitpMachine(1000, 60000, 6, 900000, random));
    /// RunResult result = runner.Run();   // Operational: session is connected as result.ThingName
    /// </code></example>
    public sealed class JitpRunner
    {
        private readonly IMqttSession _session;
        private readonly IClock _clock;
        private readonly ILogSink _log;
        private readonly ProvisioningClaim _image;
        private readonly JitpMachine _machine;
        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private bool _started;
        private bool _stopRequested;

        /// <summary>Creates a runner; nothing happens until <see cref="Run"/>.</summary>
        /// <param name="session">The MQTT session; after an Operational run it stays connected for the application.</param>
        /// <param name="clock">Monotonic time for the waits.</param>
        /// <param name="log">Receives the runner's log events (never the key).</param>
        /// <param name="image">The JITP image read from esp_secure_cert (<see cref="ProvisioningClaim.JustInTime"/>).</param>
        /// <param name="machine">The state machine (its backoff bounds).</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException">The image is not a JITP image.</exception>
        public JitpRunner(IMqttSession session, IClock clock, ILogSink log, ProvisioningClaim image, JitpMachine machine)
        {
            if (session == null) throw new ArgumentNullException(nameof(session));
            if (clock == null) throw new ArgumentNullException(nameof(clock));
            if (log == null) throw new ArgumentNullException(nameof(log));
            if (image == null) throw new ArgumentNullException(nameof(image));
            if (machine == null) throw new ArgumentNullException(nameof(machine));
            if (!image.JustInTime) throw new ArgumentException("Failed to create the JITP runner: the image holds a claim, not a device certificate.", nameof(image));
            _session = session;
            _clock = clock;
            _log = log;
            _image = image;
            _machine = machine;
        }

        /// <summary>Raised on the <see cref="Run"/> thread each time the device enters a new step.</summary>
        public event ProvisioningStepChangedEventHandler? StepChanged;

        /// <summary>Connects until accepted or <see cref="Stop"/>; it can be called once per runner.</summary>
        /// <returns>Operational with the device's credentials (certificate id left empty: the device does not hash), or Stopped.
        /// A certificate without a commonName stops at once: no thing name can be known.</returns>
        /// <exception cref="InvalidOperationException">Run was already called.</exception>
        public RunResult Run()
        {
            if (_started) throw new InvalidOperationException("Failed to start the JITP runner: Run was already called.");
            _started = true;
            if (JitpThingName.Read(_image.CertificatePem, out string thingName, out string error) != FpStatus.Success)
            {
                _log.Log(LogLevel.Error, "JitpThingNameUnknown", error);
                return new RunResult(RunOutcome.Stopped, _machine.Step, null);
            }

            var credentials = new MqttCredentials(_image.EndpointHost, _image.EndpointPort, thingName, _image.CaPem, _image.CertificatePem, _image.PrivateKeyPem);
            JitpAction action = _machine.Start();
            while (!StopRequested)
            {
                Raise();
                if (action == JitpAction.Connect)
                {
                    _log.Log(LogLevel.Info, "JitpConnecting", credentials.ToString());
                    action = _machine.ConnectFinished(_session.Connect(credentials));
                }
                else if (action == JitpAction.Wait)
                {
                    _log.Log(_machine.Failures == 1 ? LogLevel.Info : LogLevel.Warning, _machine.Failure,
                        (_machine.Failures == 1 ? "the first connection was closed, as AWS closes it while it registers the certificate; " : "")
                        + "retrying in " + _machine.DelayMilliseconds + " ms");
                    WaitFor(_machine.DelayMilliseconds);
                    action = _machine.WaitOver();
                }
                else
                {
                    _log.Log(LogLevel.Info, "JitpOperational", "connected as thing " + thingName);
                    var kept = new DeviceCredentials { CertificatePem = _image.CertificatePem, PrivateKeyPem = _image.PrivateKeyPem, ThingName = thingName };
                    return new RunResult(RunOutcome.Operational, _machine.Step, kept);
                }
            }

            _session.Disconnect();
            return new RunResult(RunOutcome.Stopped, _machine.Step, null);
        }

        /// <summary>Asks <see cref="Run"/> to return after the action it is carrying out; safe from any thread.</summary>
        public void Stop()
        {
            lock (_wake)
            {
                _stopRequested = true;
            }

            _wake.Set();
        }

        private bool StopRequested
        {
            get
            {
                lock (_wake)
                {
                    return _stopRequested;
                }
            }
        }

        private void WaitFor(int milliseconds)
        {
            long deadline = _clock.MonotonicMilliseconds + milliseconds;
            long left;
            while (!StopRequested && (left = deadline - _clock.MonotonicMilliseconds) > 0)
            {
                _wake.WaitOne(left > int.MaxValue ? int.MaxValue : (int)left, false);
            }
        }

        private void Raise()
        {
            ProvisioningStepChangedEventHandler? handler = StepChanged;
            if (handler != null) handler(this, new StepChangedEventArgs(_machine.Step, _machine.Failures, _machine.Failure));
        }
    }
}
