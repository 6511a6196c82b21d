using System;
using System.IO;
using System.Net;
using System.Text.RegularExpressions;
using NanoFleet.Cloud.Internal;

namespace NanoFleet.Cloud.Options
{
    /// <summary>Fluent builder for <see cref="EmulatorOptions"/>; <see cref="Build"/> validates.</summary>
    /// <example><code>
    /// var options = new EmulatorOptionsBuilder().WithDataDirectory(dir).WithEndpoint(IPAddress.Loopback, 0)
    ///     .WithKeyAlgorithm(KeyAlgorithm.EcP256).Build();
    /// </code></example>
    public sealed class EmulatorOptionsBuilder
    {
        private readonly EmulatorOptions _options = new();
        private double _timeScale = 1;

        /// <summary>Where the CA, server certificate and registry live.</summary>
        public EmulatorOptionsBuilder WithDataDirectory(string directory)
        {
            _options.DataDirectory = directory;
            return this;
        }

        /// <summary>The broker's address and port (0 = a free port).</summary>
        public EmulatorOptionsBuilder WithEndpoint(IPAddress address, int port)
        {
            _options.Address = address;
            _options.Port = port;
            return this;
        }

        /// <summary>The AWS region in the ARNs it builds, e.g. "eu-west-1".</summary>
        public EmulatorOptionsBuilder WithRegion(string region)
        {
            _options.Region = region;
            return this;
        }

        /// <summary>The 12-digit AWS account id in the ARNs it builds.</summary>
        public EmulatorOptionsBuilder WithAccountId(string accountId)
        {
            _options.AccountId = accountId;
            return this;
        }

        /// <summary>The emulator's clock (tests pass a fake one to expire tokens).</summary>
        public EmulatorOptionsBuilder WithTimeProvider(TimeProvider timeProvider)
        {
            _options.TimeProvider = timeProvider;
            return this;
        }

        /// <summary>Runs the emulator's clock <paramref name="scale"/> times faster than real time (token expiry drills).</summary>
        public EmulatorOptionsBuilder WithTimeScale(double scale)
        {
            _timeScale = scale;
            return this;
        }

        /// <summary>The key pair CreateKeysAndCertificate generates.</summary>
        public EmulatorOptionsBuilder WithKeyAlgorithm(KeyAlgorithm algorithm)
        {
            _options.KeyAlgorithm = algorithm;
            return this;
        }

        /// <summary>The pre-provisioning hook's URL.</summary>
        public EmulatorOptionsBuilder WithHookUrl(Uri? url)
        {
            _options.HookUrl = url;
            return this;
        }

        /// <summary>How long the hook may take (default 5 s).</summary>
        public EmulatorOptionsBuilder WithHookTimeout(TimeSpan timeout)
        {
            _options.HookTimeout = timeout;
            return this;
        }

        /// <summary>How long ownership tokens live (default 1 h).</summary>
        public EmulatorOptionsBuilder WithTokenLifetime(TimeSpan lifetime)
        {
            _options.TokenLifetime = lifetime;
            return this;
        }

        /// <summary>Serve the loopback admin endpoint the `nanofleet cloud` commands use.</summary>
        public EmulatorOptionsBuilder WithAdminEndpoint(bool enabled = true)
        {
            _options.AdminEndpoint = enabled;
            return this;
        }

        /// <summary>Serve AWS IoT's control plane (REST + SigV4) on 127.0.0.1:<paramref name="port"/> (0 = a free port).</summary>
        public EmulatorOptionsBuilder WithControlPlane(bool enabled = true, int port = 0)
        {
            _options.ControlPlane = enabled;
            _options.ControlPlanePort = port;
            return this;
        }

        /// <summary>Connection caps, the TLS/CONNECT deadline and the packet size limit (default <see cref="NetworkLimits.Default"/>).</summary>
        public EmulatorOptionsBuilder WithNetworkLimits(NetworkLimits limits)
        {
            _options.Network = limits;
            return this;
        }

        /// <summary>Faults active from the start, e.g. "throttle=RegisterThing:10;delay=200ms".</summary>
        public EmulatorOptionsBuilder WithFaults(string? spec)
        {
            _options.Faults = spec;
            return this;
        }

        /// <summary>Validates and returns the options.</summary>
        /// <exception cref="InvalidOperationException">A setting is out of range.</exception>
        public EmulatorOptions Build()
        {
            if (string.IsNullOrWhiteSpace(_options.DataDirectory))
            {
                throw new InvalidOperationException("A data directory must be set.");
            }

            if (_options.Port is < 0 or > 65535)
            {
                throw new InvalidOperationException($"Port {_options.Port} is out of range 0-65535.");
            }

            if (_options.ControlPlanePort is < 0 or > 65535)
            {
                throw new InvalidOperationException($"Control plane port {_options.ControlPlanePort} is out of range 0-65535.");
            }

            // Region and account go into ARNs that policies glob against: a stray ':' or '*' would change what matches.
            if (_options.Region is null || !Regex.IsMatch(_options.Region, "^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$", RegexOptions.CultureInvariant))
            {
                throw new InvalidOperationException($"Region '{_options.Region}' is not an AWS region name such as us-east-1.");
            }

            if (_options.AccountId is null || !Regex.IsMatch(_options.AccountId, "^[0-9]{12}$", RegexOptions.CultureInvariant))
            {
                throw new InvalidOperationException($"Account id '{_options.AccountId}' is not 12 digits.");
            }

            if (_options.HookTimeout <= TimeSpan.Zero || _options.TokenLifetime <= TimeSpan.Zero)
            {
                throw new InvalidOperationException("The hook timeout and the token lifetime must be positive.");
            }

            if (!(_timeScale > 0) || double.IsInfinity(_timeScale))
            {
                throw new InvalidOperationException($"Time scale {_timeScale} must be a positive number.");
            }

            if (_options.HookUrl is { } url && !(url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) && url.Host.Length > 0))
            {
                throw new InvalidOperationException($"Hook URL '{url.OriginalString}' must be an absolute http:// or https:// URL.");
            }

            if (_options.Network is not { MaxConnections: > 0, MaxConnectionsPerAddress: > 0, MaxPacketSize: >= 2 } network || network.HandshakeTimeout <= TimeSpan.Zero)
            {
                throw new InvalidOperationException($"Network limits {_options.Network} must all be positive (a packet is at least 2 bytes).");
            }

            if (_options.Faults is { } spec)
            {
                new Faults.FaultInjector(TimeProvider.System).Apply(spec); // throws on a bad spec, before anything starts
            }

            _options.DataDirectory = Path.GetFullPath(_options.DataDirectory);
            if (_timeScale != 1)
            {
                _options.TimeProvider = new ScaledTimeProvider(_options.TimeProvider, _timeScale);
            }

            return _options;
        }
    }
}
