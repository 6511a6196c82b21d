using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Net.Http;
using System.Text.Json;
using NanoFleet.Cloud.Functions;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet cloud function put|list|delete|add-permission|get-policy`: local stand-ins for Lambda functions.</summary>
    internal static class CloudFunctionCommand
    {
        public static Command Create()
        {
            var function = new Command("function",
                "Functions templates name as pre-provisioning hooks: a local HTTP endpoint registered as\n" +
                "arn:aws:lambda:REGION:ACCOUNT:function:NAME, with a resource policy as Lambda's. At RegisterThing the\n" +
                "policy must let iot.amazonaws.com invoke it for the template's ARN and the account, else ACCESS_DENIED.\n" +
                "Typical: `function put allow-list --url http://127.0.0.1:9000/hook`, then\n" +
                "`function add-permission allow-list --principal iot.amazonaws.com --source-arn arn:aws:iot:us-east-1:123456789012:provisioningtemplate/fleet --source-account 123456789012`,\n" +
                "then a template whose preProvisioningHook.targetArn is the function's ARN (`template put NAME --cli-input-json FILE`).");
            function.Subcommands.Add(PutCommand());
            function.Subcommands.Add(ListCommand());
            function.Subcommands.Add(DeleteCommand());
            function.Subcommands.Add(AddPermissionCommand());
            function.Subcommands.Add(GetPolicyCommand());
            return function;
        }

        private static Argument<string> NameArgument() => new("NAME") { Description = "Function name: 1-64 characters of A-Z a-z 0-9 _ -." };

        private static Command PutCommand()
        {
            var data = CloudCommand.DataOption();
            var name = NameArgument();
            var url = new Option<string>("--url")
            {
                Description = "Where the function is served: an absolute http:// or https:// URL. It gets an HTTP POST of AWS's hook input and must answer {\"allowProvisioning\": true, …} within 5 s.",
                Required = true,
            };
            var command = new Command("put", "Register a function (or point an existing one at a new URL; its policy stays).") { data, name, url };
            command.SetAction(async (r, ct) =>
            {
                string functionName = r.GetValue(name)!, address = r.GetValue(url)!;
                if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
                {
                    throw new CliException(ExitCodes.BadInput, $"--url '{address}' is not an absolute URL");
                }

                var info = await CloudTarget.RunAsync(r.GetValue(data)!,
                    async admin => JsonSerializer.Deserialize<FunctionInfo>(
                        await admin.SendAsync(HttpMethod.Put, $"functions/{functionName}", JsonSerializer.Serialize(new { url = address }), ct))!,
                    emulator => emulator.Functions.PutAsync(functionName, uri));
                Console.Out.WriteLine($"function {info.Arn} served at {info.Url}");
                return ExitCodes.Success;
            });
            return command;
        }

        private static Command ListCommand()
        {
            var data = CloudCommand.DataOption();
            var command = new Command("list", "List the functions: ARN, URL and how many permission statements each has.") { data };
            command.SetAction(async (r, ct) =>
            {
                var all = await CloudTarget.RunAsync<IReadOnlyList<FunctionInfo>>(r.GetValue(data)!,
                    async admin => JsonSerializer.Deserialize<List<FunctionInfo>>(await admin.GetAsync("functions", ct))!,
                    emulator => emulator.Functions.ListAsync());
                foreach (var f in all)
                {
                    Console.Out.WriteLine(TerminalText.Escape($"{f.Arn}  {f.Url}  {f.Permissions} permission(s)"));
                }

                Console.Out.WriteLine($"{all.Count} function(s)");
                return ExitCodes.Success;
            });
            return command;
        }

        private static Command DeleteCommand()
        {
            var data = CloudCommand.DataOption();
            var name = NameArgument();
            var command = new Command("delete", "Delete a function and its policy; templates naming it are ACCESS_DENIED at RegisterThing.") { data, name };
            command.SetAction(async (r, ct) =>
            {
                string functionName = r.GetValue(name)!;
                bool deleted = await CloudTarget.RunAsync(r.GetValue(data)!,
                    async admin =>
                    {
                        await admin.SendAsync(HttpMethod.Delete, $"functions/{functionName}", "{}", ct);
                        return true;
                    },
                    emulator => emulator.Functions.DeleteAsync(functionName));
                if (!deleted)
                {
                    throw new CliException(ExitCodes.BadInput, $"function {functionName} does not exist");
                }

                Console.Out.WriteLine($"function {functionName} deleted");
                return ExitCodes.Success;
            });
            return command;
        }

        private static Command AddPermissionCommand()
        {
            var data = CloudCommand.DataOption();
            var name = NameArgument();
            var principal = new Option<string>("--principal") { Description = "The service that may invoke it: iot.amazonaws.com for a hook.", Required = true };
            var sourceArn = new Option<string?>("--source-arn")
            {
                Description = "Only on behalf of this resource (condition ArnLike aws:SourceArn; * and ? allowed), e.g. the template's ARN. With neither this nor --source-account, storing a template that names the function logs a confused-deputy warning.",
            };
            var sourceAccount = new Option<string?>("--source-account") { Description = "Only on behalf of this 12-digit account (condition StringEquals aws:SourceAccount)." };
            var statementId = new Option<string>("--statement-id")
            {
                Description = "The statement's Sid, unique in the policy (as aws lambda add-permission's).",
                DefaultValueFactory = _ => "iot-provisioning-hook",
            };
            var action = new Option<string>("--action") { Description = "The action allowed.", DefaultValueFactory = _ => FunctionPermission.InvokeAction };
            var command = new Command("add-permission",
                "Add a statement to the function's resource policy, as `aws lambda add-permission`: Effect Allow, Principal {Service},\n" +
                "Action, and the aws:SourceArn / aws:SourceAccount conditions given. Prints the statement.")
            {
                data, name, principal, sourceArn, sourceAccount, statementId, action,
            };
            command.SetAction(async (r, ct) =>
            {
                string functionName = r.GetValue(name)!;
                var permission = new FunctionPermission(r.GetValue(statementId)!, r.GetValue(principal)!, r.GetValue(action)!,
                    r.GetValue(sourceArn), r.GetValue(sourceAccount));
                string statement = await CloudTarget.RunAsync(r.GetValue(data)!,
                    async admin => JsonDocument.Parse(await admin.SendAsync(HttpMethod.Post, $"functions/{functionName}/permissions", JsonSerializer.Serialize(permission), ct))
                        .RootElement.GetProperty("Statement").GetString()!,
                    emulator => emulator.Functions.AddPermissionAsync(functionName, permission));
                Console.Out.WriteLine(JsonSerializer.Serialize(new { Statement = statement }));
                return ExitCodes.Success;
            });
            return command;
        }

        private static Command GetPolicyCommand()
        {
            var data = CloudCommand.DataOption();
            var name = NameArgument();
            var command = new Command("get-policy", "Print the function's resource policy as `aws lambda get-policy` does: {\"Policy\": \"<JSON document>\"}.") { data, name };
            command.SetAction(async (r, ct) =>
            {
                string functionName = r.GetValue(name)!;
                string? policy = await CloudTarget.RunAsync(r.GetValue(data)!,
                    async admin => JsonDocument.Parse(await admin.GetAsync($"functions/{functionName}/policy", ct)).RootElement.GetProperty("Policy").GetString(),
                    emulator => emulator.Functions.GetPolicyAsync(functionName));
                if (policy is null)
                {
                    throw new CliException(ExitCodes.BadInput, $"function {functionName} has no resource policy: add one with `nanofleet cloud function add-permission {functionName} --principal iot.amazonaws.com …`");
                }

                Console.Out.WriteLine(JsonSerializer.Serialize(new { Policy = policy }));
                return ExitCodes.Success;
            });
            return command;
        }
    }
}
