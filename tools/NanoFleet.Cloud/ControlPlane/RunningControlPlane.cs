using System;
using System.IO;
using System.Text.Json;
using NanoFleet.Cloud.Admin;
using NanoFleet.Cloud.ControlPlane.Identities;

namespace NanoFleet.Cloud.ControlPlane
{
    /// <summary>The control plane of the emulator running on a data directory, as its admin.json records it.</summary>
    /// <param name="Endpoint">http://127.0.0.1:PORT.</param>
    /// <param name="Region">The region signatures are scoped to and ARNs name.</param>
    /// <param name="AccountId">The account ARNs name.</param>
    public sealed record RunningControlPlane(Uri Endpoint, string Region, string AccountId)
    {
        /// <summary>The control plane running on <paramref name="dataDirectory"/>, or null when no emulator runs there or it serves none.</summary>
        public static RunningControlPlane? Find(string dataDirectory)
        {
            string file = Path.Combine(dataDirectory, AdminEndpoint.FileName);
            return File.Exists(file) && JsonSerializer.Deserialize<AdminFile>(File.ReadAllText(file)) is { ControlPlanePort: > 0, Region: { } region, AccountId: { } account } running
                ? new RunningControlPlane(new Uri($"http://127.0.0.1:{running.ControlPlanePort}"), region, account)
                : null;
        }

        /// <summary>A client signed as <paramref name="identity"/> from <paramref name="dataDirectory"/>'s identities.</summary>
        /// <exception cref="InvalidOperationException">The data directory has no identity by that name.</exception>
        public ControlPlaneClient Connect(string dataDirectory, string identity = DefaultIdentities.Operator)
        {
            var caller = new IdentityStore(dataDirectory).Get(identity)
                ?? throw new InvalidOperationException($"the data directory {dataDirectory} has no identity named '{identity}'");
            return new ControlPlaneClient(Endpoint, Region, caller.Key.Id, caller.Key.Secret);
        }
    }
}
