using System.Threading.Tasks;
using NanoFleet.Cli.Demo;
using NanoFleet.Cloud;
using NanoFleet.Cloud.Options;

namespace NanoFleet.EndToEnd.Tests.Support
{
    /// <summary>Test setup: an emulator data directory as `cloud start` leaves it, made in-process without listening.</summary>
    public static class DataDirectory
    {
        /// <summary>Makes the CA and the registry in <paramref name="path"/>, with the demo template stored; returns <paramref name="path"/>.</summary>
        public static async Task<string> CreateAsync(string path)
        {
            await using (var emulator = new FleetEmulator(new EmulatorOptionsBuilder().WithDataDirectory(path).Build()))
            {
                await emulator.OpenAsync();
                await emulator.Templates.PutAsync(DemoTemplate.Name, DemoTemplate.Body);
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return path;
        }

        /// <summary>How many claims the registry in <paramref name="path"/> holds, read in-process.</summary>
        public static async Task<int> ClaimCountAsync(string path)
        {
            await using var emulator = new FleetEmulator(new EmulatorOptionsBuilder().WithDataDirectory(path).Build());
            await emulator.OpenAsync();
            return (await emulator.Claims.ListAsync()).Count;
        }
    }
}
