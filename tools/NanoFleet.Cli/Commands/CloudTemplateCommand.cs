using System;
using System.CommandLine;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cloud;
using NanoFleet.Cloud.ControlPlane;
using NanoFleet.Cloud.Templates;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet cloud template put NAME FILE.json | --cli-input-json FILE` and `template export NAME --cloudformation`.
    /// `put` goes through the running emulator's control plane as the operator (AWS's own calls), else through its
    /// admin endpoint or on the data directory.</summary>
    internal static class CloudTemplateCommand
    {
        public static Command Create()
        {
            var template = new Command("template", "Provisioning templates (stored by name, versioned).");
            template.Subcommands.Add(PutCommand());
            template.Subcommands.Add(ExportCommand());
            return template;
        }

        private static Command PutCommand()
        {
            var data = CloudCommand.DataOption();
            var name = new Argument<string>("NAME") { Description = "Template name: 1-36 characters of 0-9 A-Z a-z _ -." };
            var file = new Argument<FileInfo?>("FILE") { Description = "The template body (JSON, at most 10,240 characters).", Arity = ArgumentArity.ZeroOrOne };
            var cliInput = new Option<string?>("--cli-input-json")
            {
                Description = "Instead of FILE: the input of `aws iot create-provisioning-template --cli-input-json` (FILE or file://FILE), unchanged: " +
                              "templateName (= NAME), templateBody, enabled (default false, as AWS), provisioningRoleArn, description, " +
                              "preProvisioningHook {targetArn, payloadVersion}, type FLEET_PROVISIONING. Name, body, enabled and hook are stored; " +
                              "a file without preProvisioningHook removes the template's hook.",
            };
            var disabled = new Option<bool>("--disabled") { Description = "Store it disabled (RegisterThing is rejected until enabled). Not with --cli-input-json, whose enabled says it." };
            var put = new Command("put", "Check a template against AWS's rules and store it as the new default version.") { data, name, file, cliInput, disabled };
            put.SetAction(async (r, ct) =>
            {
                string templateName = r.GetValue(name)!;
                var (path, isCliInput) = Source(r.GetValue(file), r.GetValue(cliInput), r.GetValue(disabled));
                string text = await File.ReadAllTextAsync(path, ct);
                TemplateInfo info;
                try
                {
                    info = isCliInput
                        ? await PutCliInputAsync(r.GetValue(data)!, templateName, text, ct)
                        : await PutBodyAsync(r.GetValue(data)!, templateName, text, !r.GetValue(disabled), ct);
                }
                catch (Exception ex) when (ex is InvalidTemplateException or CliException { ExitCode: ExitCodes.BadInput } or AwsServiceException { ErrorType: "InvalidRequestException" })
                {
                    // The emulator names the rule and the place in the body; only we know which file that body came from.
                    throw new CliException(ExitCodes.BadInput, $"template file {path} was not stored: {ex.Message}");
                }

                string hook = info.PreProvisioningHook is { } h ? $", pre-provisioning hook {h.TargetArn}" : "";
                Console.Out.WriteLine($"template '{templateName}' stored as version {info.DefaultVersion} ({(info.Enabled ? "enabled" : "disabled")}{hook})");
                return ExitCodes.Success;
            });
            return put;
        }

        /// <summary>The file to read and whether it is a CLI input; exactly one of the two ways must be given.</summary>
        private static (string Path, bool CliInput) Source(FileInfo? body, string? cliInput, bool disabled)
        {
            if ((body is null) == (cliInput is null))
            {
                throw new CliException(ExitCodes.BadInput, "give either FILE (a template body) or --cli-input-json FILE (a create-provisioning-template input), not both or neither");
            }

            if (cliInput is not null && disabled)
            {
                throw new CliException(ExitCodes.BadInput, "--disabled does not go with --cli-input-json: set \"enabled\": false in the file");
            }

            string path = Path.GetFullPath(cliInput is null ? body!.FullName
                : cliInput.StartsWith("file://", StringComparison.Ordinal) ? cliInput["file://".Length..] : cliInput);
            if (!File.Exists(path))
            {
                throw new CliException(ExitCodes.BadInput, $"template file {path} does not exist");
            }

            return (path, cliInput is not null);
        }

        private static Task<TemplateInfo> PutBodyAsync(string data, string name, string body, bool enabled, CancellationToken ct) =>
            CloudTarget.RunAsync(data,
                (client, running) => ProvisioningTemplateClient.PutAsync(client, name, body, enabled, ProvisioningTemplateClient.DefaultRoleArn(running.AccountId)),
                async admin => JsonSerializer.Deserialize<TemplateInfo>(await admin.SendAsync(HttpMethod.Put, $"templates/{name}{(enabled ? "" : "?enabled=false")}", body, ct))!,
                emulator => emulator.Templates.PutAsync(name, body, enabled));

        private static Task<TemplateInfo> PutCliInputAsync(string data, string name, string json, CancellationToken ct)
        {
            var input = ProvisioningTemplateInput.Parse(json); // checked here too, so a bad file is refused before anything is sent
            if (input.TemplateName != name)
            {
                throw new CliException(ExitCodes.BadInput, $"its templateName '{input.TemplateName}' is not '{name}'");
            }

            return CloudTarget.RunAsync(data,
                (client, _) => ProvisioningTemplateClient.PutInputAsync(client, JsonNode.Parse(json)!.AsObject()),
                async admin => JsonSerializer.Deserialize<TemplateInfo>(await admin.SendAsync(HttpMethod.Put, $"templates/{name}/cli-input", json, ct))!,
                emulator => input.PutAsync(emulator.Templates));
        }

        private static Command ExportCommand()
        {
            var data = CloudCommand.DataOption();
            var name = new Argument<string>("NAME") { Description = "The stored template." };
            var cloudFormation = new Option<bool>("--cloudformation")
            {
                Description = "Write a CloudFormation template (JSON) for AWS: AWS::IoT::ProvisioningTemplate, the claim's AWS::IoT::Policy, " +
                              "the provisioning AWS::IAM::Role and, for a hook, its AWS::Lambda::Permission with SourceArn/SourceAccount. " +
                              "Deploy it with `aws cloudformation deploy --template-file FILE --stack-name NAME --capabilities CAPABILITY_IAM`. " +
                              "The only format, and required so that another can come without changing what a script gets.",
            };
            var output = new Option<string?>("--output", "-o") { Description = "Write to FILE (atomically) instead of standard output." };
            var export = new Command("export", "Export a stored template for deployment on AWS.") { data, name, cloudFormation, output };
            export.SetAction(async (r, ct) =>
            {
                string templateName = r.GetValue(name)!;
                if (!r.GetValue(cloudFormation))
                {
                    throw new CliException(ExitCodes.BadInput, "give the format to export: --cloudformation");
                }

                var info = await CloudTarget.RunAsync(r.GetValue(data)!,
                    async admin => JsonSerializer.Deserialize<TemplateInfo>(await admin.GetAsync($"templates/{templateName}", ct)),
                    emulator => emulator.Templates.GetAsync(templateName))
                    ?? throw new CliException(ExitCodes.BadInput, $"template '{templateName}' does not exist");
                string stack = CloudFormationExport.Build(info);
                if (r.GetValue(output) is { } file)
                {
                    OutputFiles.WriteAllBytes(file, System.Text.Encoding.UTF8.GetBytes(stack + "\n"));
                    Console.Out.WriteLine($"template '{templateName}' v{info.DefaultVersion} exported as CloudFormation to {Path.GetFullPath(file)}");
                }
                else
                {
                    Console.Out.WriteLine(stack);
                }

                return ExitCodes.Success;
            });
            return export;
        }
    }
}
