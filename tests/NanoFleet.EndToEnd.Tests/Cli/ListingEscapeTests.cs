using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using NanoFleet.Cli;
using NanoFleet.EndToEnd.Tests.Support;
using Xunit;

namespace NanoFleet.EndToEnd.Tests.Cli
{
    /// <summary>
    /// `nanofleet cloud things list` prints what devices registered, which the operator does not control: a name
    /// or attribute with a newline, NUL or escape sequence (stored before RegisterThing refused them) prints
    /// escaped, one row per thing, in the table and in --json.
    /// </summary>
    public sealed class ListingEscapeTests : IDisposable
    {
        private const string HostileName = "sensor-A\nsensor-B 0 thing(s)\0\u001b[2J";
        private readonly string _dir = Directory.CreateTempSubdirectory("nanofleet-listing-").FullName;

        private string Data => Path.Combine(_dir, "cloud");

        public void Dispose()
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_dir, true);
        }

        [Fact]
        public async Task ThingsList_ControlCharactersInStoredValues_PrintEscaped()
        {
            await DataDirectory.CreateAsync(Data);
            using (var registry = new SqliteConnection($"Data Source={Path.Combine(Data, "registry.db")};Pooling=false"))
            {
                registry.Open();
                using var insert = registry.CreateCommand();
                insert.CommandText = "INSERT INTO things(name, thing_type, attributes, groups, billing_group, version, created_at) VALUES($n, NULL, $a, '[]', NULL, 1, 0)";
                insert.Parameters.AddWithValue("$n", HostileName);
                insert.Parameters.AddWithValue("$a", """{"note":"line1\r\nline2\t\u0085"}""");
                insert.ExecuteNonQuery();
            }

            var table = CliRun.Run("cloud", "things", "list", "--data", Data);
            var json = CliRun.Run("cloud", "things", "list", "--json", "--data", Data);

            Assert.True(table.Code == ExitCodes.Success, table.Err);
            string[] rows = table.Out.TrimEnd('\n').Split('\n');
            Assert.Equal(2, rows.Length); // the thing's row and "1 thing(s)"
            Assert.StartsWith(@"sensor-A\nsensor-B 0 thing(s)\u0000\u001b[2J", rows[0]);
            Assert.Contains(@"note=line1\r\nline2\t\u0085", rows[0]);
            Assert.Equal("1 thing(s)", rows[1]);
            Assert.True(json.Code == ExitCodes.Success, json.Err);
            foreach (string output in new[] { table.Out, json.Out })
            {
                Assert.DoesNotMatch(@"[\x00-\x09\x0b-\x1f\x7f\x80-\x9f]", output); // only the line ends themselves
            }
        }
    }
}
