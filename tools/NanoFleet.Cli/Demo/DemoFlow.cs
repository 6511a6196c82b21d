using System;
using System.Linq;

namespace NanoFleet.Cli.Demo
{
    /// <summary>Which of the seed's provisioning paths `nanofleet demo --flow` runs.</summary>
    public enum DemoFlow
    {
        /// <summary>Fleet provisioning by claim: one shared claim in every factory image.</summary>
        Claim,

        /// <summary>Provisioning by a trusted user: no claim in flash; an installer hands each device a temporary claim over its serial port.</summary>
        TrustedUser,

        /// <summary>Just-in-time provisioning: a factory CA registered with a JITP template signs a certificate per device.</summary>
        Jitp,
    }

    /// <summary>The `--flow` names, one per <see cref="DemoFlow"/>.</summary>
    public static class DemoFlows
    {
        private static readonly (string Name, DemoFlow Flow)[] All =
        {
            ("claim", DemoFlow.Claim),
            ("trusted-user", DemoFlow.TrustedUser),
            ("jitp", DemoFlow.Jitp),
        };

        /// <summary>Every name `--flow` accepts.</summary>
        public static string[] Names => All.Select(f => f.Name).ToArray();

        /// <summary>The flow a name stands for.</summary>
        /// <exception cref="ArgumentException">Not a flow name.</exception>
        public static DemoFlow Parse(string name) =>
            All.FirstOrDefault(f => f.Name == name) is { Name: not null } found ? found.Flow : throw new ArgumentException($"--flow '{name}' is not one of {string.Join(", ", Names)}");
    }
}
