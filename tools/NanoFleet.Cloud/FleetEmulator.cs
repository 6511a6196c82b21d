using System;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cloud.Admin;
using NanoFleet.Cloud.ControlPlane;
using NanoFleet.Cloud.ControlPlane.Identities;
using NanoFleet.Cloud.ControlPlane.Operations;
using NanoFleet.Cloud.Events;
using NanoFleet.Cloud.Faults;
using NanoFleet.Cloud.Internal;
using NanoFleet.Cloud.Metrics;
using NanoFleet.Cloud.Options;

namespace NanoFleet.Cloud
{
    /// <summary>
    /// A local, wire-compatible stand-in for AWS IoT Core fleet provisioning: an MQTT broker with mTLS
    /// serving CreateKeysAndCertificate, CreateCertificateFromCsr and RegisterThing in JSON and CBOR,
    /// with templates, a pre-provisioning hook, a SQLite registry, fault injection and metrics.
    /// </summary>
    /// <example><code>
    /// var options = new EmulatorOptionsBuilder().WithDataDirectory(dir).WithEndpoint(IPAddress.Loopback, 0).Build();
    /// await using var emulator = new FleetEmulator(options);
    /// await emulator.StartAsync(ct);
    /// await emulator.Templates.PutAsync("fleet", templateJson);
    /// var claim = await emulator.Claims.CreateAsync("fleet");   // connect to 127.0.0.1:emulator.Port with it
    /// </code></example>
    public sealed class FleetEmulator : IAsyncDisposable
    {
        private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(1);
        private readonly EmulatorOptions _options;
        private EmulatorContext? _context;
        private FleetBroker? _broker;
        private AdminEndpoint? _admin;
        private ControlPlaneServer? _controlPlane;
        private ITimer? _sweeper;
        private DataDirectoryLock? _lock;
        private int _sweepFailing; // 1 while the cleanup fails; timer callbacks may overlap, hence Interlocked

        /// <summary>Creates the emulator; nothing is opened until <see cref="OpenAsync"/> or <see cref="StartAsync"/>.</summary>
        public FleetEmulator(EmulatorOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
        }

        /// <summary>Each completed provisioning request (accepted, rejected, dropped or disconnected).</summary>
        public event EventHandler<RequestCompletedEventArgs>? RequestCompleted;

        /// <summary>Structured log entries (step, client, certificate id; never keys or tokens).</summary>
        public event EventHandler<EmulatorLogEventArgs>? LogWritten;

        /// <summary>Veto hook run before each RegisterThing is written; see <see cref="RegisterThingRequestedEventArgs"/>.</summary>
        public event Func<RegisterThingRequestedEventArgs, Task>? InterceptingRegisterThingAsync
        {
            add => _interceptors += value;
            remove => _interceptors -= value;
        }

        private Func<RegisterThingRequestedEventArgs, Task>? _interceptors;

        /// <summary>The options it runs with.</summary>
        public EmulatorOptions Options => _options;

        /// <summary>The broker's TCP port (the real one when the options asked for 0).</summary>
        /// <exception cref="InvalidOperationException">Not started.</exception>
        public int Port => _broker?.Port ?? throw new InvalidOperationException("The emulator is not started.");

        /// <summary>The admin endpoint's port, or 0 when it is not served.</summary>
        public int AdminPort => _admin?.Port ?? 0;

        /// <summary>The control plane's port, or 0 when it is not served.</summary>
        public int ControlPlanePort => _controlPlane?.Port ?? 0;

        /// <summary>The control plane's callers and their access keys (identities.json in the data directory).</summary>
        public IdentityStore Identities => new(_options.DataDirectory);

        /// <summary>The CA certificate devices must trust for the server (PEM).</summary>
        public string CaCertificatePem => Context.Ca.CaCertificatePem;

        /// <summary>Claim certificates.</summary>
        public ClaimRegistry Claims { get; private set; } = null!;

        /// <summary>Provisioning templates.</summary>
        public TemplateRegistry Templates { get; private set; } = null!;

        /// <summary>Certificates (claims and devices).</summary>
        public CertificateRegistry Certificates { get; private set; } = null!;

        /// <summary>Registered things.</summary>
        public ThingRegistry Things { get; private set; } = null!;

        /// <summary>Named policies.</summary>
        public PolicyRegistry Policies { get; private set; } = null!;

        /// <summary>Functions templates name as pre-provisioning hooks, with their resource policies.</summary>
        public Functions.FunctionRegistry Functions { get; private set; } = null!;

        /// <summary>CA certificates registered for just-in-time provisioning.</summary>
        public CaRegistry CaCertificates { get; private set; } = null!;

        /// <summary>Runtime fault injection.</summary>
        public FaultInjector Faults => Context.Faults;

        /// <summary>AWS's fleet-provisioning counters plus latency.</summary>
        public EmulatorMetrics Metrics => Context.Metrics;

        /// <summary>Live MQTT connections.</summary>
        public int ConnectedClients => _broker?.ConnectedClients ?? 0;

        /// <summary>Open TCP connections to the broker, including those that have not (yet) authenticated.</summary>
        public int OpenConnections => _broker?.OpenConnections ?? 0;

        private EmulatorContext Context => _context ?? throw new InvalidOperationException("The emulator is not opened: call OpenAsync or StartAsync first.");

        /// <summary>Opens the data directory (creating the CA on first use) and the registry, without listening.
        /// Enough to manage templates and claims offline.</summary>
        public Task OpenAsync(CancellationToken cancellationToken = default)
        {
            if (_context is not null)
            {
                return Task.CompletedTask;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var context = new EmulatorContext(_options);
            context.Log.Written += (_, e) => LogWritten?.Invoke(this, e);
            context.InterceptingRegisterThing = args => _interceptors?.Invoke(args) ?? Task.CompletedTask;
            Claims = new ClaimRegistry(context);
            Templates = new TemplateRegistry(context);
            Certificates = new CertificateRegistry(context);
            Things = new ThingRegistry(context);
            Policies = new PolicyRegistry(context);
            Functions = new Functions.FunctionRegistry(context);
            CaCertificates = new CaRegistry(context);
            _context = context;
            return Task.CompletedTask;
        }

        /// <summary>Takes the data directory's lock (creating the directory on first use), opens and checks the
        /// registry, and starts the broker (and the admin endpoint when enabled).</summary>
        /// <exception cref="InvalidOperationException">Already started.</exception>
        /// <exception cref="DataDirectoryException">Another emulator runs on the data directory, or it is corrupt or
        /// not writable; nothing listens.</exception>
        public async Task StartAsync(CancellationToken cancellationToken = default)
        {
            if (_broker is not null)
            {
                throw new InvalidOperationException("The emulator is already started.");
            }

            _lock = DataDirectoryLock.Acquire(_options.DataDirectory);
            try
            {
                await OpenAsync(cancellationToken).ConfigureAwait(false);
                var context = Context;
                var broker = new FleetBroker(context);
                broker.RequestCompleted += (_, e) => RequestCompleted?.Invoke(this, e);
                await broker.StartAsync().ConfigureAwait(false);
                _broker = broker;
                context.Broker = broker;
                _sweeper = TimeProvider.System.CreateTimer(_ => Sweep(), null, SweepInterval, SweepInterval);
                if (_options.ControlPlane)
                {
                    Identities.EnsureDefaults(_options.Region, _options.AccountId);
                    _controlPlane = new ControlPlaneServer(ControlPlaneOperations.Build(this), Identities, _options.Region, _options.AccountId, context.Clock, context.Log);
                    await _controlPlane.StartAsync(_options.ControlPlanePort).ConfigureAwait(false);
                    context.Log.Info("start", null, null, $"control plane on http://127.0.0.1:{_controlPlane.Port} (AWS IoT REST, SigV4 service '{ControlPlane.Signing.CredentialScope.IotService}')");
                }

                if (_options.AdminEndpoint)
                {
                    _admin = new AdminEndpoint(this, _options.DataDirectory);
                    await _admin.StartAsync().ConfigureAwait(false);
                }

                context.Log.Info("start", null, null, $"listening on {_options.Address}:{broker.Port} (TLS 1.2, client certificates required), data in {_options.DataDirectory}, ARNs in {_options.Region} account {_options.AccountId}");
            }
            catch
            {
                await StopAsync().ConfigureAwait(false);
                throw;
            }
        }

        /// <summary>Stops the broker and the admin endpoint; waits for requests in progress. Safe to call twice.</summary>
        public async Task StopAsync()
        {
            if (_sweeper is not null)
            {
                await _sweeper.DisposeAsync().ConfigureAwait(false);
                _sweeper = null;
            }

            if (_admin is not null)
            {
                await _admin.DisposeAsync().ConfigureAwait(false);
                _admin = null;
            }

            if (_controlPlane is not null)
            {
                await _controlPlane.DisposeAsync().ConfigureAwait(false);
                _controlPlane = null;
            }

            if (_broker is not null)
            {
                await _broker.DisposeAsync().ConfigureAwait(false);
                _broker = null;
                Context.Broker = null;
                Context.Log.Info("stop", null, null, "stopped");
            }

            _lock?.Dispose();
            _lock = null;
        }

        /// <summary>Stops and closes the registry.</summary>
        public async ValueTask DisposeAsync()
        {
            await StopAsync().ConfigureAwait(false);
            _context?.Dispose();
            _context = null;
        }

        /// <summary>Deletes certificates whose token expired before they were activated or attached (AWS's rule).
        /// Runs every second; tests call it after moving the clock.</summary>
        internal void Sweep()
        {
            var context = _context;
            if (context is null)
            {
                return;
            }

            try
            {
                foreach (string id in context.Store.Write(s => s.DeleteAbandonedCertificates(context.Clock.GetUtcNow())))
                {
                    context.Log.Info("expire", null, id, "ownership token expired before RegisterThing: certificate deleted");
                }
            }
            catch (ObjectDisposedException)
            {
                // stopping
            }
            catch (Exception ex)
            {
                // A timer callback that throws takes the whole process down. The registry was sound at start,
                // so this is a disk or file failing under a running emulator: say so once, keep serving, try again.
                if (Interlocked.Exchange(ref _sweepFailing, 1) == 0)
                {
                    context.Log.Error("expire", null, null, $"deleting abandoned certificates failed, retrying every second: {ex.GetType().Name}: {ex.Message}");
                }

                return;
            }

            if (Interlocked.Exchange(ref _sweepFailing, 0) == 1)
            {
                context.Log.Info("expire", null, null, "deleting abandoned certificates works again");
            }
        }
    }
}
