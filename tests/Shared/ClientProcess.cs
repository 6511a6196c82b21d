using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace NanoFleet.Tests.Shared
{
    /// <summary>What an AWS client process printed and how it ended.</summary>
    public sealed record ClientResult(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
    }

    /// <summary>Runs an AWS client (the AWS CLI, node with the JS SDK) as a process, with a generous deadline for a loaded machine.
    /// Shared (linked) by the control-plane tests and the CLI end-to-end tests.</summary>
    public static class ClientProcess
    {
        /// <summary>Debian's AWS CLI v2; a pyenv v1 `aws` may come earlier on PATH, so never just "aws".</summary>
        public const string AwsCliPath = "/usr/bin/aws";

        private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

        /// <summary>
        /// The environment an AWS client runs in for a test: the given key (or a credentials-file profile), no config
        /// file, no pager, no instance metadata lookup, no retries, so only what the test says reaches the client.
        /// </summary>
        public static Dictionary<string, string?> AwsEnvironment(string? accessKeyId, string? secretAccessKey, string? credentialsFile = null, string? profile = null) => new()
        {
            ["AWS_ACCESS_KEY_ID"] = accessKeyId, ["AWS_SECRET_ACCESS_KEY"] = secretAccessKey, ["AWS_SESSION_TOKEN"] = null, ["AWS_PROFILE"] = profile,
            ["AWS_CONFIG_FILE"] = "/dev/null", ["AWS_SHARED_CREDENTIALS_FILE"] = credentialsFile ?? "/dev/null", ["AWS_PAGER"] = string.Empty,
            ["AWS_EC2_METADATA_DISABLED"] = "true", ["AWS_MAX_ATTEMPTS"] = "1", ["AWS_RETRY_MODE"] = "standard",
        };

        /// <summary>Runs `aws iot ARGS` against <paramref name="endpoint"/> with JSON output.</summary>
        public static Task<ClientResult> AwsIotAsync(Uri endpoint, string region, IReadOnlyDictionary<string, string?> environment, IEnumerable<string> arguments)
        {
            Require(AwsCliPath, "The AWS CLI v2 (Debian package awscli)");
            var all = new List<string> { "iot" };
            all.AddRange(arguments);
            all.AddRange(new[] { "--endpoint-url", endpoint.ToString(), "--region", region, "--output", "json" });
            return RunAsync(AwsCliPath, all, environment);
        }

        /// <summary>Fails with a message saying to run tools/setup.sh when <paramref name="path"/> is missing; never skips.</summary>
        public static void Require(string path, string what)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new InvalidOperationException($"{what} is missing ({path}): run tools/setup.sh (as root) to install it");
            }
        }

        public static async Task<ClientResult> RunAsync(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, string? workingDirectory = null)
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory ?? string.Empty };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(Deadline);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} did not finish within {Deadline}");
            }

            return new ClientResult(process.ExitCode, await stdout, await stderr);
        }
    }
}
