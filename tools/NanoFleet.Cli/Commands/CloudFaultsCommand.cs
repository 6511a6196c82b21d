using System.CommandLine;
using System.Net.Http;
using System.Text.Json;
using System.Threading;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet cloud faults SPEC`: change fault injection on the running emulator.</summary>
    internal static class CloudFaultsCommand
    {
        public static Command Create()
        {
            var data = CloudCommand.DataOption();
            var spec = new Argument<string>("SPEC")
            {
                Description = "';'-separated: throttle=API:N (per second), drop=N (next responses), dropsuback=N (next SUBACKs), delay=250ms, disconnect=N " +
                              "(close instead of answering), reject=[API:]CODE[:STATUS[:COUNT]], clear. API: CreateKeysAndCertificate, CreateCertificateFromCsr, RegisterThing.",
            };
            var command = new Command("faults", "Inject faults into the running emulator (see SPEC).") { data, spec };
            command.SetAction(async (r, ct) =>
            {
                string active = await CloudTarget.RunAsync<string>(r.GetValue(data)!,
                    async admin => JsonDocument.Parse(await admin.SendAsync(HttpMethod.Post, "faults", r.GetValue(spec)!, ct)).RootElement.GetProperty("faults").GetString()!,
                    null);
                System.Console.Out.WriteLine(active.Length == 0 ? "no faults active" : "active faults: " + active);
                return ExitCodes.Success;
            });
            return command;
        }
    }
}
