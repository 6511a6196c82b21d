using System;
using System.Globalization;
using System.IO;
using Npgsql;

namespace NanoFleet.Station.Records
{
    /// <summary>
    /// Turns a `--db` PostgreSQL value into Npgsql settings. Accepts Npgsql's "Host=…;Database=…" form
    /// and libpq's "postgresql://user@host:port/db?sslmode=…" URI. The password comes from
    /// <c>PGPASSWORD</c> or a passfile (Npgsql reads both) or an owner-only password file; it is never
    /// part of <see cref="Describe"/> or of an error message.
    /// </summary>
    public static class PostgresConnectionString
    {
        /// <summary>Parses <paramref name="db"/>; a password file, when given, supplies the password.</summary>
        /// <exception cref="RecordStoreException">The value or the password file is unusable; the message names which, never the password.</exception>
        public static NpgsqlConnectionStringBuilder Parse(string db, string? passwordFile = null)
        {
            ArgumentException.ThrowIfNullOrEmpty(db);
            NpgsqlConnectionStringBuilder builder;
            try
            {
                builder = db.Contains("://", StringComparison.Ordinal) ? FromUri(db) : new NpgsqlConnectionStringBuilder(db);
            }
            catch (ArgumentException ex)
            {
                throw new RecordStoreException($"--db: not a PostgreSQL connection string ({ex.Message})");
            }

            if (string.IsNullOrEmpty(builder.Host))
            {
                throw new RecordStoreException("--db: the PostgreSQL connection string names no host");
            }

            if (passwordFile is not null)
            {
                builder.Password = ReadPasswordFile(passwordFile);
            }

            // A connection the server dropped must never be handed out again: each store owns one.
            builder.Pooling = false;
            return builder;
        }

        /// <summary>"postgresql://host:port/db", without user or password.</summary>
        public static string Describe(NpgsqlConnectionStringBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);
            return string.Create(CultureInfo.InvariantCulture, $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}");
        }

        private static NpgsqlConnectionStringBuilder FromUri(string db)
        {
            if (!Uri.TryCreate(db, UriKind.Absolute, out Uri? uri) || (uri.Scheme != "postgresql" && uri.Scheme != "postgres"))
            {
                throw new ArgumentException("expected postgresql://[user@]host[:port]/database");
            }

            var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
            if (uri.Port > 0)
            {
                builder.Port = uri.Port;
            }

            builder.Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
            if (uri.UserInfo.Length > 0)
            {
                string[] user = uri.UserInfo.Split(':', 2);
                builder.Username = Uri.UnescapeDataString(user[0]);
                if (user.Length == 2)
                {
                    builder.Password = Uri.UnescapeDataString(user[1]);
                }
            }

            foreach (string pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                string[] kv = pair.Split('=', 2);
                string value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
                switch (kv[0])
                {
                    case "sslmode":
                        builder.SslMode = Enum.Parse<SslMode>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
                        break;
                    case "connect_timeout":
                        builder.Timeout = int.Parse(value, CultureInfo.InvariantCulture);
                        break;
                    case "application_name":
                        builder.ApplicationName = value;
                        break;
                    default:
                        throw new ArgumentException($"unknown URI parameter '{kv[0]}' (known: sslmode, connect_timeout, application_name)");
                }
            }

            return builder;
        }

        // As libpq treats ~/.pgpass: a password file others can read is refused, not used.
        private static string ReadPasswordFile(string path)
        {
            if (!File.Exists(path))
            {
                throw new RecordStoreException($"--db-password-file {path}: no such file");
            }

            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0)
            {
                throw new RecordStoreException($"--db-password-file {path}: readable by others; make it owner-only (chmod 600)");
            }

            string password = File.ReadAllText(path).TrimEnd('\r', '\n');
            return password.Length > 0 ? password : throw new RecordStoreException($"--db-password-file {path}: empty");
        }
    }
}
