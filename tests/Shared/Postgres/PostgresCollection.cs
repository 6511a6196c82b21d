using Xunit;

namespace NanoFleet.Tests.Postgres
{
    /// <summary>
    /// Tests that need PostgreSQL join this collection: one server for the whole run, started before the
    /// first such test and stopped after the last. Each test makes its own database with
    /// <see cref="PostgresServer.CreateDatabase"/>. The collection runs alone, after the parallel ones:
    /// its station fleets start many processes, whose load would make other tests' short ROM timeouts flaky.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
    {
        /// <summary>The collection name for <c>[Collection(PostgresCollection.Name)]</c>.</summary>
        public const string Name = "PostgreSQL server";
    }
}
