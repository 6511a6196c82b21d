using System;
using System.CommandLine;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using NanoFleet.Cloud;
using NanoFleet.Cloud.ControlPlane;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet cloud template put NAME FILE.json`: through the running emulator's control plane as the operator
    /// (AWS's CreateProvisioningTemplate, or a new default version), else through its admin endpoint or on the data directory.</summary>
    internal static class CloudTemplateCommand
    {
        public static Command Create()
        {
            var template = new Command("template", "Provisioning templates (stored by name, versioned).");
            var data = CloudCommand.DataOption();
            var name = new Argument<string>("NAME") { Description = "Template name: 1-36 characters of 0-9 A-Z a-z _ -." };
            var file = new Argument<FileInfo>("FILE") { Description = "The template body (JSON, at most 10,240 characters)." };
            var disabled = new Option<bool>("--disabled") { Description = "Store it disabled (RegisterThing is rejected until enabled)." };
            var put = new Command("put", "Check a template against AWS's rules and store it as the new default version.") { data, name, file, disabled };
            put.SetAction(async (r, ct) =>
            {
                var path = r.GetValue(file)!;
                if (!path.Exists)
                {
                    throw new CliException(ExitCodes.BadInput, $"template file {path.FullName} does not exist");
                }

                string body = await File.ReadAllTextAsync(path.FullName, ct);
                string templateName = r.GetValue(name)!;
                bool enabled = !r.GetValue(disabled);
                int version;
                try
                {
                    version = await CloudTarget.RunAsync(r.GetValue(data)!,
                        (client, running) => ProvisioningTemplateClient.PutAsync(client, templateName, body, enabled, ProvisioningTemplateClient.DefaultRoleArn(running.AccountId)),
                        async admin => JsonDocument.Parse(await admin.SendAsync(HttpMethod.Put, $"templates/{templateName}{(enabled ? "" : "?enabled=false")}", body, ct))
                            .RootElement.GetProperty("DefaultVersion").GetInt32(),
                        async emulator => (await emulator.Templates.PutAsync(templateName, body, enabled)).DefaultVersion);
                }
                catch (Exception ex) when (ex is InvalidTemplateException or CliException { ExitCode: ExitCodes.BadInput } or AwsServiceException { ErrorType: "InvalidRequestException" })
                {
                    // The emulator names the rule and the place in the body; only we know which file that body came from.
                    throw new CliException(ExitCodes.BadInput, $"template file {path.FullName} was not stored: {ex.Message}");
                }

                System.Console.Out.WriteLine($"template '{templateName}' stored as version {version} ({(enabled ? "enabled" : "disabled")})");
                return ExitCodes.Success;
            });
            template.Subcommands.Add(put);
            return template;
        }
    }
}
