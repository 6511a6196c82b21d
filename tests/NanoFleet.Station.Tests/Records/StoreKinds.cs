using System.IO;
using NanoFleet.Tests.Postgres;

namespace NanoFleet.Station.Tests.Records
{
    /// <summary>A fresh, empty record store of either kind, as a `--db` value.</summary>
    internal static class StoreKinds
    {
        public const string Sqlite = "sqlite";
        public const string Postgres = "postgresql";

        /// <summary>A new SQLite file path or a new PostgreSQL database's connection string (password included).</summary>
        public static string NewDb(string kind, PostgresServer server) => kind == Postgres
            ? server.ConnectionString(server.CreateDatabase())
            : Path.Combine(Directory.CreateTempSubdirectory("nanofleet-db-").FullName, "station.db");
    }
}
