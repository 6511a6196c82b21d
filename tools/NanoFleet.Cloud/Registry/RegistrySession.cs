using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;

namespace NanoFleet.Cloud.Registry
{
    /// <summary>Typed statements over the registry, bound to one connection and optional transaction.
    /// One partial file per table group.</summary>
    internal sealed partial class RegistrySession
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction? _transaction;

        internal RegistrySession(SqliteConnection connection, SqliteTransaction? transaction)
        {
            _connection = connection;
            _transaction = transaction;
        }

        private SqliteCommand Command(string sql, params (string Name, object? Value)[] args)
        {
            var cmd = _connection.CreateCommand();
            cmd.Transaction = _transaction;
            cmd.CommandText = sql;
            foreach (var (name, value) in args)
            {
                cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            return cmd;
        }

        private int Execute(string sql, params (string Name, object? Value)[] args)
        {
            using var cmd = Command(sql, args);
            return cmd.ExecuteNonQuery();
        }

        private List<T> Query<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] args)
        {
            using var cmd = Command(sql, args);
            using var reader = cmd.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(map(reader));
            }

            return rows;
        }

        private static string? NullableString(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
    }
}
