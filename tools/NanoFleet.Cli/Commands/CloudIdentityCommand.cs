using System;
using System.CommandLine;
using System.IO;
using NanoFleet.Cloud.ControlPlane;
using NanoFleet.Cloud.ControlPlane.Iam;
using NanoFleet.Cloud.ControlPlane.Identities;
using NanoFleet.Cloud.Options;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet cloud identity create|list|credentials|delete`: the control plane's callers and their access keys.</summary>
    internal static class CloudIdentityCommand
    {
        public static Command Create()
        {
            var identity = new Command("identity",
                "Callers of the control plane (AWS IoT REST + SigV4): an access key and an IAM identity policy each, kept owner-only in\n" +
                "identities.json in the data directory. The first start makes `operator` (iot:* on *) and `installer` (only\n" +
                "iot:CreateProvisioningClaim on provisioning templates). Changes apply at once, also to a running emulator.");
            identity.Subcommands.Add(CreateVerb());
            identity.Subcommands.Add(ListVerb());
            identity.Subcommands.Add(CredentialsVerb());
            identity.Subcommands.Add(DeleteVerb());
            return identity;
        }

        private static Argument<string> NameArgument() => new("NAME") { Description = "Identity name, as an IAM user name: 1-64 of letters, digits, + = , . @ _ -." };

        private static Command CreateVerb()
        {
            var data = CloudCommand.DataOption();
            var name = NameArgument();
            var policy = new Option<FileInfo>("--policy")
            {
                Description = "The identity policy, a JSON file in IAM's grammar, e.g. {\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:List*\",\"Resource\":\"*\"}]}.",
                Required = true,
            };
            var command = new Command("create", "Make an identity with a new access key and the policy in FILE.") { data, name, policy };
            command.SetAction(r =>
            {
                string directory = r.GetValue(data)!;
                CloudTarget.RequireDataDirectory(directory);
                var file = r.GetValue(policy)!;
                if (!file.Exists)
                {
                    throw new CliException(ExitCodes.BadInput, $"policy file {file.FullName} does not exist");
                }

                Identity created;
                try
                {
                    created = new IdentityStore(directory).Create(r.GetValue(name)!, File.ReadAllText(file.FullName));
                }
                catch (InvalidPolicyDocumentException ex)
                {
                    throw new CliException(ExitCodes.BadInput, $"policy file {file.FullName} was not accepted: {ex.Message}");
                }
                catch (ArgumentException ex)
                {
                    throw new CliException(ExitCodes.BadInput, ex.Message);
                }

                Console.Out.WriteLine($"identity '{created.Name}' created with access key {created.Key.Id}; `nanofleet cloud identity credentials {created.Name}` prints its secret");
                return ExitCodes.Success;
            });
            return command;
        }

        private static Command ListVerb()
        {
            var data = CloudCommand.DataOption();
            var command = new Command("list", "List identities: name, access key id, caller ARN (never a secret).") { data };
            command.SetAction(r =>
            {
                string directory = r.GetValue(data)!;
                CloudTarget.RequireDataDirectory(directory);
                string account = RunningControlPlane.Find(directory)?.AccountId ?? EmulatorOptions.DefaultAccountId;
                var all = new IdentityStore(directory).List();
                foreach (var i in all)
                {
                    Console.Out.WriteLine($"{i.Name,-24} {i.Key.Id}  {i.Arn(account)}");
                }

                Console.Out.WriteLine($"{all.Count} identity(ies)");
                return ExitCodes.Success;
            });
            return command;
        }

        private static Command CredentialsVerb()
        {
            var data = CloudCommand.DataOption();
            var name = NameArgument();
            var profileFile = new Option<FileInfo?>("--profile-file") { Description = "Write an AWS credentials file (profile NAME, owner-only) instead of printing export lines." };
            var region = new Option<string?>("--region") { Description = "Region for AWS_DEFAULT_REGION (default: the running emulator's, else us-east-1)." };
            var command = new Command("credentials",
                "Print `export AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=… AWS_DEFAULT_REGION=…` for NAME (use: eval \"$(nanofleet cloud identity credentials operator)\"),\n" +
                "or write them as a credentials-file profile with --profile-file.") { data, name, profileFile, region };
            command.SetAction(r =>
            {
                string directory = r.GetValue(data)!;
                CloudTarget.RequireDataDirectory(directory);
                var found = Find(directory, r.GetValue(name)!);
                if (r.GetValue(profileFile) is { } file)
                {
                    IdentityCredentials.WriteProfileFile(file.FullName, found);
                    Console.Out.WriteLine($"wrote profile '{found.Name}' to {file.FullName} (owner-only); use AWS_SHARED_CREDENTIALS_FILE={file.FullName} AWS_PROFILE={found.Name}");
                    return ExitCodes.Success;
                }

                string chosen = r.GetValue(region) ?? RunningControlPlane.Find(directory)?.Region ?? EmulatorOptions.DefaultRegion;
                Console.Out.WriteLine(IdentityCredentials.ExportCommand(found, chosen));
                return ExitCodes.Success;
            });
            return command;
        }

        private static Command DeleteVerb()
        {
            var data = CloudCommand.DataOption();
            var name = NameArgument();
            var command = new Command("delete", "Delete an identity; its access key stops working at once.") { data, name };
            command.SetAction(r =>
            {
                string directory = r.GetValue(data)!;
                CloudTarget.RequireDataDirectory(directory);
                string identity = r.GetValue(name)!;
                if (!new IdentityStore(directory).Delete(identity))
                {
                    throw new CliException(ExitCodes.BadInput, $"no identity is named '{identity}' (see `nanofleet cloud identity list`)");
                }

                Console.Out.WriteLine($"identity '{identity}' deleted");
                return ExitCodes.Success;
            });
            return command;
        }

        private static Identity Find(string directory, string name)
        {
            var store = new IdentityStore(directory);
            return store.Get(name) ?? throw new CliException(ExitCodes.BadInput, store.List().Count == 0
                ? $"no identity is named '{name}': {directory} has no identities yet; `nanofleet cloud start --data {directory}` makes operator and installer"
                : $"no identity is named '{name}' (see `nanofleet cloud identity list`)");
        }
    }
}
