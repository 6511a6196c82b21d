using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Text.Json;
using System.Threading;
using NanoFleet.Cloud;
using NanoFleet.Cloud.ControlPlane;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet cloud things list`: ListThings and friends through a running emulator's control plane, else the data directory.</summary>
    internal static class CloudThingsCommand
    {
        public static Command Create()
        {
            var things = new Command("things", "Registered things.");
            var data = CloudCommand.DataOption();
            var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
            var list = new Command("list", "List the things RegisterThing created, with their certificates and attributes.") { data, json };
            list.SetAction(async (r, ct) =>
            {
                var all = await CloudTarget.RunAsync<IReadOnlyList<ThingInfo>>(r.GetValue(data)!,
                    (client, _) => ThingListClient.ListAsync(client),
                    async admin => JsonSerializer.Deserialize<List<ThingInfo>>(await admin.GetAsync("things", ct))!,
                    emulator => emulator.Things.ListAsync());
                if (r.GetValue(json))
                {
                    System.Console.Out.WriteLine(JsonSerializer.Serialize(all, new JsonSerializerOptions { WriteIndented = true }));
                    return ExitCodes.Success;
                }

                foreach (var t in all)
                {
                    string attributes = string.Join(",", t.Attributes.Select(a => $"{a.Key}={a.Value}"));
                    string certs = string.Join(",", t.CertificateIds.Select(c => c[..12]));
                    // Names and attributes are whatever devices registered: escaped, a row stays one row.
                    System.Console.Out.WriteLine(TerminalText.Escape(
                        $"{t.Name,-32} v{t.Version,-3} certs={certs} type={t.ThingTypeName ?? "-"} groups={string.Join(",", t.ThingGroups)} {attributes}"));
                }

                System.Console.Out.WriteLine($"{all.Count} thing(s)");
                return ExitCodes.Success;
            });
            things.Subcommands.Add(list);
            return things;
        }
    }
}
