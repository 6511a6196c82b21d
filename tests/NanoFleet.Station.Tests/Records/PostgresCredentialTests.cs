using System;
using System.IO;
using NanoFleet.Station.Records;
using NanoFleet.Tests.Postgres;
using Npgsql;
using Xunit;

namespace NanoFleet.Station.Tests.Records
{
    /// <summary>
    /// The PostgreSQL password comes from an owner-only file, the URI form works, and the password never
    /// shows in Describe() or in an error, against a real server that checks it (SCRAM).
    /// </summary>
    [Collection(PostgresCollection.Name)]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // owner-only files are a POSIX mode
    public class PostgresCredentialTests
    {
        private readonly PostgresServer _server;

        public PostgresCredentialTests(PostgresServer server) => _server = server;

        [Fact]
        public void Open_UriWithPasswordFile_Connects_AndDescribeNamesNoUserOrPassword()
        {
            string database = _server.CreateDatabase();
            string file = PasswordFile(_server.Password, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            string uri = $"postgresql://{PostgresServer.User}@127.0.0.1:{_server.Port}/{database}";

            using IRecordStore store = RecordStores.Open(uri, file);
            store.Insert(new DeviceRecord { Station = "line-1", Mac = "aa:01", StartedUtc = DateTimeOffset.UtcNow, Result = DeviceResult.Refused });

            Assert.Equal($"postgresql://127.0.0.1:{_server.Port}/{database}", store.Describe());
            Assert.Equal(store.Describe(), RecordStores.Describe(uri));
            using IRecordStore again = RecordStores.Open($"Host=127.0.0.1;Port={_server.Port};Username={PostgresServer.User};Database={database}", file);
            Assert.Equal("aa:01", Assert.Single(again.All()).Mac);
        }

        [Fact]
        public void Open_WrongPassword_FailsWithoutEchoingIt()
        {
            string database = _server.CreateDatabase();
            const string wrong = "not-the-password-4b1d";
            string file = PasswordFile(wrong, UnixFileMode.UserRead);

            var refused = Assert.ThrowsAny<NpgsqlException>(() =>
                RecordStores.Open($"postgresql://{PostgresServer.User}@127.0.0.1:{_server.Port}/{database}", file));
            Assert.Contains("password authentication failed", refused.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(wrong, refused.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public void Open_PasswordFileOthersCanRead_RefusedNamingTheFile()
        {
            string file = PasswordFile(_server.Password, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

            var refused = Assert.Throws<RecordStoreException>(() =>
                RecordStores.Open($"postgresql://{PostgresServer.User}@127.0.0.1:{_server.Port}/postgres", file));
            Assert.Equal($"--db-password-file {file}: readable by others; make it owner-only (chmod 600)", refused.Message);
        }

        [Fact]
        public void Open_UnknownUriParameter_RefusedNamingIt()
        {
            var refused = Assert.Throws<RecordStoreException>(() => RecordStores.Open($"postgresql://nf@127.0.0.1:{_server.Port}/db?sslmod=require"));
            Assert.Contains("unknown URI parameter 'sslmod'", refused.Message, StringComparison.Ordinal);
        }

        private static string PasswordFile(string password, UnixFileMode mode)
        {
            string file = Path.Combine(Directory.CreateTempSubdirectory("nanofleet-pw-").FullName, "pgpassword");
            File.WriteAllText(file, password + "\n");
            File.SetUnixFileMode(file, mode);
            return file;
        }
    }
}
