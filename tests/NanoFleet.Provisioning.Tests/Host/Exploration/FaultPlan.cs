using System.Collections.Generic;

namespace NanoFleet.Provisioning.Tests.Exploration
{
    /// <summary>Where in the flow a fault is injected: the action the simulated world answers.</summary>
    public enum FaultPoint
    {
        ConnectWithClaim,
        SubscribeCreate,
        CreateCsr,
        RequestCertificate,
        SubscribeRegister,
        RegisterThing,
        Persist,
        ConnectAsThing,
    }

    /// <summary>What goes wrong at the fault point.</summary>
    public enum FaultKind
    {
        /// <summary>No answer at all: the machine's step timer must fire.</summary>
        Timeout,
        /// <summary>The session drops (or the connect fails on the network).</summary>
        Disconnect,
        /// <summary>429 ThrottlingException.</summary>
        Throttled,
        /// <summary>500 InternalFailure.</summary>
        ServerError,
        /// <summary>400 InvalidCertificateOwnershipToken.</summary>
        TokenInvalid,
        /// <summary>403 ACCESS_DENIED.</summary>
        AccessDenied,
        /// <summary>404 ResourceNotFoundException (unknown template).</summary>
        UnknownTemplate,
        /// <summary>Refused: SUBACK failure, claim rejected at connect, CSR source failure, store error.</summary>
        Refused,
        /// <summary>The store says the record is too large.</summary>
        StoreTooLarge,
        /// <summary>Device certificate rejected at connect.</summary>
        CredentialsRejected,
        /// <summary>A truncated payload on the accepted topic.</summary>
        MalformedAccepted,
        /// <summary>Garbage on the rejected topic.</summary>
        MalformedRejected,
        /// <summary>The answer arrives twice.</summary>
        Duplicate,
        /// <summary>A message for something the machine is not waiting for arrives first (other API, unknown SUBACK, old timer).</summary>
        Stale,
        /// <summary>No answer until the step timed out; then the old answer arrives during the backoff.</summary>
        LateAfterTimeout,
        /// <summary>The clock jumps to the token-expiry margin before RegisterThing would be sent.</summary>
        TokenAging,
    }

    /// <summary>One exploration path: flow, format, fault point, fault kind and how many occurrences of the point get the fault.</summary>
    public sealed record FaultPlan(bool UseCsr, FpFormat Format, FaultPoint Point, FaultKind Kind, int Repetitions)
    {
        /// <summary>The faults that make sense at each point.</summary>
        public static IReadOnlyList<FaultKind> Applicable(FaultPoint point) => point switch
        {
            FaultPoint.ConnectWithClaim => new[] { FaultKind.Timeout, FaultKind.Disconnect, FaultKind.Refused, FaultKind.Duplicate, FaultKind.Stale },
            FaultPoint.SubscribeCreate => new[] { FaultKind.Timeout, FaultKind.Disconnect, FaultKind.Refused, FaultKind.Duplicate, FaultKind.Stale },
            FaultPoint.SubscribeRegister => new[] { FaultKind.Timeout, FaultKind.Disconnect, FaultKind.Refused, FaultKind.Duplicate, FaultKind.Stale, FaultKind.TokenAging },
            FaultPoint.CreateCsr => new[] { FaultKind.Timeout, FaultKind.Disconnect, FaultKind.Refused, FaultKind.Duplicate },
            FaultPoint.RequestCertificate or FaultPoint.RegisterThing => new[]
            {
                FaultKind.Timeout, FaultKind.Disconnect, FaultKind.Throttled, FaultKind.ServerError, FaultKind.TokenInvalid,
                FaultKind.AccessDenied, FaultKind.UnknownTemplate, FaultKind.MalformedAccepted, FaultKind.MalformedRejected,
                FaultKind.Duplicate, FaultKind.Stale, FaultKind.LateAfterTimeout,
            },
            FaultPoint.Persist => new[] { FaultKind.Timeout, FaultKind.Disconnect, FaultKind.Refused, FaultKind.StoreTooLarge, FaultKind.Duplicate },
            FaultPoint.ConnectAsThing => new[] { FaultKind.Timeout, FaultKind.Disconnect, FaultKind.CredentialsRejected, FaultKind.Duplicate },
            _ => new FaultKind[0],
        };

        /// <inheritdoc />
        public override string ToString() => $"{(UseCsr ? "csr" : "keys")}/{Format}/{Point}/{Kind}x{Repetitions}";
    }
}
