using System;
using System.IO;
using Microsoft.Data.Sqlite;

namespace NanoFleet.Cloud.Registry
{
    /// <summary>
    /// The SQLite registry (registry.db in the data directory): certificates, claims, templates and
    /// their versions, things, policies and the principal attachments. One connection, serialised by a
    /// lock: requests are short, and one writer keeps every multi-row change a single transaction, so a
    /// crash mid-request leaves the file consistent (WAL journal).
    /// </summary>
    internal sealed class RegistryStore : IDisposable
    {
        private const string Schema = @"
CREATE TABLE IF NOT EXISTS certificates(
  id TEXT PRIMARY KEY, pem TEXT NOT NULL, status TEXT NOT NULL, kind TEXT NOT NULL,
  created_at INTEGER NOT NULL, issued_via TEXT, token_hash TEXT, token_expires_at INTEGER);
CREATE UNIQUE INDEX IF NOT EXISTS certificates_token ON certificates(token_hash);
CREATE TABLE IF NOT EXISTS claims(
  certificate_id TEXT PRIMARY KEY, template_name TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS templates(
  name TEXT PRIMARY KEY, enabled INTEGER NOT NULL, default_version INTEGER NOT NULL, updated_at INTEGER NOT NULL,
  hook_target_arn TEXT, hook_payload_version TEXT);
CREATE TABLE IF NOT EXISTS template_versions(
  name TEXT NOT NULL, version INTEGER NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL,
  PRIMARY KEY(name, version));
CREATE TABLE IF NOT EXISTS template_details(
  name TEXT PRIMARY KEY, description TEXT, role_arn TEXT, type TEXT NOT NULL,
  hook_target_arn TEXT, hook_payload_version TEXT, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS things(
  name TEXT PRIMARY KEY, thing_type TEXT, attributes TEXT NOT NULL, groups TEXT NOT NULL,
  billing_group TEXT, version INTEGER NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS policies(name TEXT PRIMARY KEY, document TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS thing_principals(
  thing_name TEXT NOT NULL, certificate_id TEXT NOT NULL, PRIMARY KEY(thing_name, certificate_id));
CREATE INDEX IF NOT EXISTS thing_principals_cert ON thing_principals(certificate_id);
CREATE TABLE IF NOT EXISTS policy_principals(
  policy_name TEXT NOT NULL, certificate_id TEXT NOT NULL, PRIMARY KEY(policy_name, certificate_id));
CREATE INDEX IF NOT EXISTS policy_principals_cert ON policy_principals(certificate_id);
CREATE TABLE IF NOT EXISTS claim_expirations(certificate_id TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS claim_limits(
  certificate_id TEXT PRIMARY KEY, max_registrations_per_minute INTEGER, max_failures_per_minute INTEGER,
  max_distinct_addresses INTEGER, on_alarm TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS functions(name TEXT PRIMARY KEY, url TEXT NOT NULL, policy TEXT, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS ca_certificates(
  id TEXT PRIMARY KEY, pem TEXT NOT NULL, status TEXT NOT NULL, auto_registration INTEGER NOT NULL,
  template_body TEXT, template_name TEXT, role_arn TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS account_settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);
";

        private readonly SqliteConnection _connection;
        private readonly object _gate = new();

        /// <summary>Opens (creating if needed) the registry file and proves it sound and writable.</summary>
        /// <exception cref="DataDirectoryException">It is corrupt, not writable or locked.</exception>
        public RegistryStore(string path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            _connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
                DefaultTimeout = 30,
            }.ToString());
            try
            {
                _connection.Open();
                Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;");
                RegistryHealth.Check(_connection, path);
                Execute(Schema);
            }
            catch (Exception ex)
            {
                _connection.Dispose();
                if (ex is SqliteException sqlite && RegistryHealth.Explain(sqlite, path) is { } problem)
                {
                    throw problem;
                }

                throw;
            }
        }

        /// <summary>Runs <paramref name="body"/> in one transaction; any exception rolls everything back.</summary>
        public T Write<T>(Func<RegistrySession, T> body)
        {
            lock (_gate)
            {
                using var tx = _connection.BeginTransaction();
                var result = body(new RegistrySession(_connection, tx));
                tx.Commit();
                return result;
            }
        }

        /// <summary>Runs a read (or a single-statement write) under the store's lock.</summary>
        public T Read<T>(Func<RegistrySession, T> body)
        {
            lock (_gate)
            {
                return body(new RegistrySession(_connection, null));
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _connection.Dispose();
            }
        }

        private void Execute(string sql)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
        }
    }
}
