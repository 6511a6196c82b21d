using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using NanoFleet.Cloud.Internal;

namespace NanoFleet.Cloud.Functions
{
    /// <summary>
    /// Local stand-ins for Lambda functions, which templates name as pre-provisioning hooks: a function is an
    /// HTTP endpoint with the ARN `arn:aws:lambda:REGION:ACCOUNT:function:NAME` and a resource policy built by
    /// <see cref="AddPermissionAsync"/>, which AWS IoT must satisfy before it invokes the function.
    /// </summary>
    /// <example><code>
    /// await emulator.Functions.PutAsync("allow-list", hook.Url);
    /// await emulator.Functions.AddPermissionAsync("allow-list", new FunctionPermission("iot", FunctionPermission.IotPrincipal,
    ///     SourceArn: "arn:aws:iot:us-east-1:123456789012:provisioningtemplate/fleet", SourceAccount: "123456789012"));
    /// await emulator.Templates.UpdateAsync("fleet", new TemplateUpdate(PreProvisioningHook: new TemplateHook(emulator.Functions.ArnOf("allow-list"))));
    /// </code></example>
    public sealed partial class FunctionRegistry
    {
        /// <summary>AWS's advice against the confused deputy, which the store-time warning quotes.</summary>
        public const string ConfusedDeputyAdvice =
            "Include the source-arn or source-account in the global condition context keys of the policies attached to your Lambda action";

        private readonly EmulatorContext _context;

        internal FunctionRegistry(EmulatorContext context)
        {
            _context = context;
        }

        [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
        private static partial Regex NamePattern();

        /// <summary>The ARN a function of this name has on this emulator.</summary>
        public string ArnOf(string name) => _context.Arns.Function(name);

        /// <summary>Registers a function served at <paramref name="url"/>, or points an existing one there (its policy stays).</summary>
        /// <exception cref="ArgumentException">The name or the URL is malformed; the message names it.</exception>
        public Task<FunctionInfo> PutAsync(string name, Uri url)
        {
            CheckName(name);
            if (!(url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) && url.Host.Length > 0))
            {
                throw new ArgumentException($"function URL '{url.OriginalString}' must be an absolute http:// or https:// URL");
            }

            var record = _context.Store.Write(s =>
            {
                s.PutFunction(name, url, _context.Clock.GetUtcNow());
                return s.GetFunction(name)!;
            });
            _context.Log.Info("function", null, null, $"function {ArnOf(name)} served at {url}");
            return Task.FromResult(Describe(record));
        }

        /// <summary>The function, or null.</summary>
        public Task<FunctionInfo?> GetAsync(string name) =>
            Task.FromResult(_context.Store.Read(s => s.GetFunction(name)) is { } record ? Describe(record) : null);

        /// <summary>Every function, by name.</summary>
        public Task<IReadOnlyList<FunctionInfo>> ListAsync() =>
            Task.FromResult<IReadOnlyList<FunctionInfo>>(_context.Store.Read(s => s.ListFunctions()).Select(Describe).ToList());

        /// <summary>Deletes a function and its policy; templates naming it are then denied at RegisterThing. False when it does not exist.</summary>
        public Task<bool> DeleteAsync(string name)
        {
            bool deleted = _context.Store.Write(s => s.DeleteFunction(name));
            if (deleted)
            {
                _context.Log.Info("function", null, null, $"function {ArnOf(name)} deleted");
            }

            return Task.FromResult(deleted);
        }

        /// <summary>Adds a statement to the function's resource policy, as `aws lambda add-permission` does.</summary>
        /// <returns>The statement added (JSON).</returns>
        /// <exception cref="ResourceNotFoundException">No function has that name.</exception>
        /// <exception cref="ArgumentException">A field is malformed or the statement id is taken; nothing changed.</exception>
        public Task<string> AddPermissionAsync(string name, FunctionPermission permission)
        {
            string policy = _context.Store.Write(s =>
            {
                var record = s.GetFunction(name) ?? throw NotFound(name);
                string updated = LambdaResourcePolicy.AddStatement(record.Policy, permission, ArnOf(name));
                s.SetFunctionPolicy(name, updated);
                return updated;
            });
            _context.Log.Info("function", null, null,
                $"function {name}: statement '{permission.StatementId}' allows {permission.Principal} {permission.Action}" +
                $" (source ARN {permission.SourceArn ?? "any"}, source account {permission.SourceAccount ?? "any"})");
            return Task.FromResult(System.Text.Json.Nodes.JsonNode.Parse(policy)!["Statement"]!.AsArray()[^1]!.ToJsonString());
        }

        /// <summary>
        /// The whole local setup of a hook in one call: registers <paramref name="url"/> as function
        /// <paramref name="functionName"/>, lets iot.amazonaws.com invoke it only for <paramref name="templateName"/> in the
        /// emulator's account (SourceArn and SourceAccount, as AWS advises), and makes it the template's pre-provisioning hook.
        /// </summary>
        /// <returns>The function's ARN.</returns>
        /// <exception cref="ResourceNotFoundException">The template does not exist.</exception>
        public async Task<string> HookTemplateAsync(string templateName, string functionName, Uri url)
        {
            await PutAsync(functionName, url).ConfigureAwait(false);
            await AddPermissionAsync(functionName, new FunctionPermission("iot-" + templateName, FunctionPermission.IotPrincipal,
                SourceArn: _context.Arns.ProvisioningTemplate(templateName), SourceAccount: _context.Options.AccountId)).ConfigureAwait(false);
            await new TemplateRegistry(_context).UpdateAsync(templateName, new TemplateUpdate(PreProvisioningHook: new TemplateHook(ArnOf(functionName))))
                .ConfigureAwait(false);
            return ArnOf(functionName);
        }

        /// <summary>The function's resource policy as `aws lambda get-policy` shows it, or null when no permission was added.</summary>
        /// <exception cref="ResourceNotFoundException">No function has that name.</exception>
        public Task<string?> GetPolicyAsync(string name) =>
            Task.FromResult((_context.Store.Read(s => s.GetFunction(name)) ?? throw NotFound(name)).Policy);

        /// <summary>
        /// What is wrong with a template naming <paramref name="targetArn"/> as its hook, or null when nothing is:
        /// RegisterThing would be ACCESS_DENIED (no such function, no permission for the template), or IoT may invoke
        /// the function through a permission without source conditions, the confused-deputy risk.
        /// </summary>
        public string? DescribeHookRisk(string templateArn, string targetArn)
        {
            var authorization = HookAuthorization.Check(_context, targetArn, templateArn);
            if (authorization.Denial is { } denial)
            {
                return $"pre-provisioning hook {targetArn} of {templateArn}: RegisterThing will be ACCESS_DENIED until AWS IoT may invoke it: {denial}";
            }

            return authorization.Unconditioned
                ? $"pre-provisioning hook {targetArn} of {templateArn}: its resource policy lets iot.amazonaws.com invoke it without an " +
                  $"aws:SourceArn or aws:SourceAccount condition, so another account's IoT could make it act (confused deputy). {ConfusedDeputyAdvice}: " +
                  $"`nanofleet cloud function add-permission {authorization.Function!.Name} --principal iot.amazonaws.com --source-arn {templateArn} --source-account {_context.Options.AccountId}`."
                : null;
        }

        private static void CheckName(string name)
        {
            if (!NamePattern().IsMatch(name ?? ""))
            {
                throw new ArgumentException($"function name '{name}' must be 1-64 characters of A-Z a-z 0-9 _ -");
            }
        }

        private static ResourceNotFoundException NotFound(string name) =>
            new($"function {name} does not exist: register it with `nanofleet cloud function put {name} --url URL`");

        private FunctionInfo Describe(FunctionRecord record) =>
            new(record.Name, ArnOf(record.Name), record.Url, LambdaResourcePolicy.CountStatements(record.Policy));
    }
}
