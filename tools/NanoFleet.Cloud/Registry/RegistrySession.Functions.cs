using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Data.Sqlite;
using NanoFleet.Cloud.Functions;

namespace NanoFleet.Cloud.Registry
{
    internal sealed partial class RegistrySession
    {
        private const string FunctionSelect = "SELECT name, url, policy, created_at FROM functions";

        /// <summary>Registers a function or points an existing one at a new URL. Its policy stays, as a Lambda
        /// keeps its resource policy across code updates.</summary>
        public void PutFunction(string name, Uri url, DateTimeOffset now) =>
            Execute(@"INSERT INTO functions(name, url, policy, created_at) VALUES($n,$u,NULL,$now)
ON CONFLICT(name) DO UPDATE SET url=$u", ("$n", name), ("$u", url.ToString()), ("$now", now.ToUnixTimeMilliseconds()));

        public FunctionRecord? GetFunction(string name) =>
            Query(FunctionSelect + " WHERE name=$n", ReadFunction, ("$n", name)).FirstOrDefault();

        public List<FunctionRecord> ListFunctions() => Query(FunctionSelect + " ORDER BY name", ReadFunction);

        public bool SetFunctionPolicy(string name, string policy) =>
            Execute("UPDATE functions SET policy=$p WHERE name=$n", ("$p", policy), ("$n", name)) == 1;

        public bool DeleteFunction(string name) => Execute("DELETE FROM functions WHERE name=$n", ("$n", name)) == 1;

        private static FunctionRecord ReadFunction(SqliteDataReader r) => new(
            r.GetString(0), new Uri(r.GetString(1)), NullableString(r, 2), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)));
    }
}
