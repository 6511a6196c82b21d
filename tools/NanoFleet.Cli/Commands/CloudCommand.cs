using System.CommandLine;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet cloud`: the local AWS IoT fleet-provisioning emulator and its management verbs.</summary>
    public static class CloudCommand
    {
        /// <summary>Builds the verb.</summary>
        public static Command Create()
        {
            var cloud = new Command("cloud",
                "A local, wire-compatible stand-in for AWS IoT Core fleet provisioning (MQTT over mTLS, JSON and CBOR).\n" +
                "Start it with `nanofleet cloud start`, store a template with `cloud template put`, make a claim with\n" +
                "`cloud claim create`, then point devices at 127.0.0.1:8883 trusting the ca.crt written next to the claim.\n" +
                "Management verbs talk to the running emulator through its loopback admin endpoint; with none running\n" +
                "they edit the data directory directly. A template's pre-provisioning hook is a function with a permission\n" +
                "for iot.amazonaws.com (`cloud function --help`); `cloud template export NAME --cloudformation` writes it for AWS.");
            cloud.Subcommands.Add(CloudStartCommand.Create());
            cloud.Subcommands.Add(CloudClaimCommand.Create());
            cloud.Subcommands.Add(CloudTemplateCommand.Create());
            cloud.Subcommands.Add(CloudFunctionCommand.Create());
            cloud.Subcommands.Add(CloudThingsCommand.Create());
            cloud.Subcommands.Add(CloudMetricsCommand.Create());
            cloud.Subcommands.Add(CloudFaultsCommand.Create());
            cloud.Subcommands.Add(CloudIdentityCommand.Create());
            cloud.Subcommands.Add(CloudCaCommand.Create());
            return cloud;
        }

        /// <summary>`--data DIR`, shared by every cloud verb.</summary>
        internal static Option<string> DataOption() => new("--data")
        {
            Description = "The emulator's data directory (CA, server certificate, registry.db).",
            DefaultValueFactory = _ => ".nanofleet-cloud",
        };
    }
}
