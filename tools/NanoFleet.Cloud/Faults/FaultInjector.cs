using System;
using System.Collections.Generic;
using System.Globalization;

namespace NanoFleet.Cloud.Faults
{
    /// <summary>
    /// Faults the emulator injects into provisioning requests (and SUBACKs), changeable while it runs.
    /// Order on each request: throttle, reject, (the request runs), delay, disconnect, drop.
    /// <list type="bullet">
    /// <item>Throttle: more than N requests per second to one API get 400 ThrottlingException.</item>
    /// <item>Reject: the next requests (optionally of one API) get the given error, and nothing is done.</item>
    /// <item>Delay: responses are sent that long after the request completed.</item>
    /// <item>Disconnect: after the next N requests ran (their effects stand), the connection is closed
    /// instead of answering — the lost-response case of AWS's throttling report.</item>
    /// <item>Drop: the next N responses are never sent (the request's effects stand).</item>
    /// <item>Drop SUBACK: the next N SUBACKs are never sent (the subscriptions stand), so a device sees its
    /// SUBSCRIBE never acknowledged. This one acts on the broker's packets, not on provisioning requests.</item>
    /// </list>
    /// </summary>
    public sealed class FaultInjector
    {
        private readonly object _gate = new();
        private readonly TimeProvider _clock;
        private readonly Dictionary<ProvisioningApi, TokenBucket> _throttles = new();
        private int _dropNext;
        private int _dropSubAcksNext;
        private int _disconnectNext;
        private TimeSpan _delay;
        private RejectRule? _reject;

        internal FaultInjector(TimeProvider clock)
        {
            _clock = clock;
        }

        /// <summary>Limits <paramref name="api"/> to <paramref name="requestsPerSecond"/> (0 removes the limit).</summary>
        public void Throttle(ProvisioningApi api, int requestsPerSecond)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(requestsPerSecond);
            lock (_gate)
            {
                if (requestsPerSecond == 0)
                {
                    _throttles.Remove(api);
                }
                else
                {
                    _throttles[api] = new TokenBucket(requestsPerSecond, _clock);
                }
            }
        }

        /// <summary>Never sends the next <paramref name="count"/> responses.</summary>
        public void DropResponses(int count)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            lock (_gate)
            {
                _dropNext = count;
            }
        }

        /// <summary>Never sends the next <paramref name="count"/> SUBACKs (the subscriptions themselves are made).</summary>
        public void DropSubAcks(int count)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            lock (_gate)
            {
                _dropSubAcksNext = count;
            }
        }

        /// <summary>Delays every response by <paramref name="delay"/> (zero removes it).</summary>
        public void DelayResponses(TimeSpan delay)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
            lock (_gate)
            {
                _delay = delay;
            }
        }

        /// <summary>Closes the connection after each of the next <paramref name="count"/> requests instead of answering.</summary>
        public void DisconnectAfterRequests(int count)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            lock (_gate)
            {
                _disconnectNext = count;
            }
        }

        /// <summary>Rejects the next <paramref name="count"/> requests (of <paramref name="api"/>, or any when null).</summary>
        public void Reject(ProvisioningApi? api, string errorCode, int statusCode = 400, int count = int.MaxValue)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(errorCode);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
            lock (_gate)
            {
                _reject = new RejectRule(api, errorCode, statusCode, count);
            }
        }

        /// <summary>Removes every fault.</summary>
        public void Clear()
        {
            lock (_gate)
            {
                _throttles.Clear();
                _dropNext = _disconnectNext = _dropSubAcksNext = 0;
                _delay = TimeSpan.Zero;
                _reject = null;
            }
        }

        /// <summary>
        /// Applies a spec: `;`-separated items `throttle=API:N`, `drop=N`, `dropsuback=N`, `delay=250ms|2s`, `disconnect=N`,
        /// `reject=[API:]ERRORCODE[:STATUS[:COUNT]]`, `clear`. API is CreateKeysAndCertificate,
        /// CreateCertificateFromCsr or RegisterThing.
        /// </summary>
        /// <exception cref="FormatException">An item is malformed; the message names it.</exception>
        public void Apply(string spec)
        {
            foreach (string raw in spec.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                string[] kv = raw.Split('=', 2);
                string value = kv.Length == 2 ? kv[1] : string.Empty;
                try
                {
                    switch (kv[0].ToLowerInvariant())
                    {
                        case "clear": Clear(); break;
                        case "throttle":
                            string[] t = value.Split(':');
                            Throttle(ParseApi(t[0]), int.Parse(t[1], CultureInfo.InvariantCulture));
                            break;
                        case "drop": DropResponses(int.Parse(value, CultureInfo.InvariantCulture)); break;
                        case "dropsuback": DropSubAcks(int.Parse(value, CultureInfo.InvariantCulture)); break;
                        case "disconnect": DisconnectAfterRequests(int.Parse(value, CultureInfo.InvariantCulture)); break;
                        case "delay": DelayResponses(ParseDuration(value)); break;
                        case "reject":
                            var parts = new List<string>(value.Split(':'));
                            ProvisioningApi? api = null;
                            if (parts.Count > 1 && Enum.TryParse(parts[0], true, out ProvisioningApi parsed))
                            {
                                api = parsed;
                                parts.RemoveAt(0);
                            }

                            Reject(api, parts[0],
                                parts.Count > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 400,
                                parts.Count > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : int.MaxValue);
                            break;
                        default: throw new FormatException("unknown fault");
                    }
                }
                catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException or ArgumentException or OverflowException)
                {
                    throw new FormatException(
                        $"Fault '{raw}' is malformed ({ex.Message}). Use throttle=API:N, drop=N, dropsuback=N, delay=250ms, disconnect=N, reject=[API:]CODE[:STATUS[:COUNT]] or clear.");
                }
            }
        }

        /// <summary>The active faults in <see cref="Apply"/> syntax ("" when none).</summary>
        public string Describe()
        {
            lock (_gate)
            {
                var items = new List<string>();
                foreach (var (api, bucket) in _throttles)
                {
                    items.Add($"throttle={api}:{bucket.Rate}");
                }

                if (_dropNext > 0) items.Add($"drop={_dropNext}");
                if (_dropSubAcksNext > 0) items.Add($"dropsuback={_dropSubAcksNext}");
                if (_delay > TimeSpan.Zero) items.Add($"delay={(long)_delay.TotalMilliseconds}ms");
                if (_disconnectNext > 0) items.Add($"disconnect={_disconnectNext}");
                if (_reject is { } r)
                {
                    items.Add($"reject={(r.Api is { } a ? a + ":" : string.Empty)}{r.ErrorCode}:{r.StatusCode}" +
                        (r.Remaining == int.MaxValue ? string.Empty : ":" + r.Remaining));
                }

                return string.Join(";", items);
            }
        }

        /// <summary>Decides, at the start of a request, whether it is refused; null lets it run.</summary>
        internal (int StatusCode, string ErrorCode, string Message)? Admit(ProvisioningApi api)
        {
            lock (_gate)
            {
                if (_throttles.TryGetValue(api, out var bucket) && !bucket.TryTake())
                {
                    return (400, "ThrottlingException", $"Rate exceeded: {api} is limited to {bucket.Rate} requests per second.");
                }

                if (_reject is { } r && (r.Api is null || r.Api == api))
                {
                    _reject = r.Remaining == int.MaxValue ? r : r.Remaining > 1 ? r with { Remaining = r.Remaining - 1 } : null;
                    return (r.StatusCode, r.ErrorCode, $"Rejected by fault injection ({r.ErrorCode}).");
                }

                return null;
            }
        }

        /// <summary>What to do with a finished request's response.</summary>
        internal (TimeSpan Delay, bool Disconnect, bool Drop) Deliver()
        {
            lock (_gate)
            {
                bool disconnect = _disconnectNext > 0;
                if (disconnect)
                {
                    _disconnectNext--;
                }

                bool drop = !disconnect && _dropNext > 0;
                if (drop)
                {
                    _dropNext--;
                }

                return (_delay, disconnect, drop);
            }
        }

        /// <summary>Decides whether the SUBACK about to be sent is lost; each true uses up one of the count.</summary>
        internal bool ShouldDropSubAck()
        {
            lock (_gate)
            {
                if (_dropSubAcksNext == 0)
                {
                    return false;
                }

                _dropSubAcksNext--;
                return true;
            }
        }

        private static ProvisioningApi ParseApi(string text) =>
            Enum.TryParse(text, true, out ProvisioningApi api) && Enum.IsDefined(api)
                ? api
                : throw new FormatException($"'{text}' is not CreateKeysAndCertificate, CreateCertificateFromCsr or RegisterThing");

        private static TimeSpan ParseDuration(string text)
        {
            if (text.EndsWith("ms", StringComparison.Ordinal))
            {
                return TimeSpan.FromMilliseconds(double.Parse(text[..^2], CultureInfo.InvariantCulture));
            }

            return TimeSpan.FromSeconds(double.Parse(text.TrimEnd('s'), CultureInfo.InvariantCulture));
        }

        private sealed record RejectRule(ProvisioningApi? Api, string ErrorCode, int StatusCode, int Remaining);

        /// <summary>At most Rate requests per second, with a burst of Rate.</summary>
        private sealed class TokenBucket
        {
            private readonly TimeProvider _clock;
            private double _tokens;
            private long _last;

            public TokenBucket(int rate, TimeProvider clock)
            {
                Rate = rate;
                _clock = clock;
                _tokens = rate;
                _last = clock.GetTimestamp();
            }

            public int Rate { get; }

            public bool TryTake()
            {
                long now = _clock.GetTimestamp();
                _tokens = Math.Min(Rate, _tokens + (_clock.GetElapsedTime(_last, now).TotalSeconds * Rate));
                _last = now;
                if (_tokens < 1)
                {
                    return false;
                }

                _tokens -= 1;
                return true;
            }
        }
    }
}
