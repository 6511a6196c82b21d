using System;
using System.Collections.Generic;

namespace NanoFleet.Cloud.Internal.Policies
{
    /// <summary>
    /// The values a connection brings to policy evaluation: its client id and, when its certificate is attached
    /// to a thing, that thing's name and attributes. The same names serve as `${…}` policy variables and as
    /// Condition keys, and they are the only ones the emulator knows (<see cref="IsKnown"/>).
    /// </summary>
    internal sealed class PolicyVariables
    {
        public const string ClientId = "iot:ClientId";
        public const string ThingName = "iot:Connection.Thing.ThingName";
        public const string ThingAttributePrefix = "iot:Connection.Thing.Attributes[";

        private readonly string _clientId;
        private readonly string? _thingName;
        private readonly IReadOnlyDictionary<string, string> _attributes;

        public PolicyVariables(string clientId, string? thingName, IReadOnlyDictionary<string, string>? attributes)
        {
            _clientId = clientId;
            _thingName = thingName;
            _attributes = attributes ?? new Dictionary<string, string>();
        }

        /// <summary>The names this evaluator can resolve: AWS documents many more, and a policy using one of those is
        /// refused when stored rather than evaluated as if the key were absent.</summary>
        public static bool IsKnown(string name) =>
            name is ClientId or ThingName
            || (name.StartsWith(ThingAttributePrefix, StringComparison.Ordinal) && name.EndsWith(']') && name.Length > ThingAttributePrefix.Length + 1);

        /// <summary>The value of <paramref name="name"/>, or null when this connection has none (no thing, no such attribute).</summary>
        public string? Resolve(string name) => name switch
        {
            ClientId => _clientId,
            ThingName => _thingName,
            _ when IsKnown(name) => _attributes.GetValueOrDefault(name[ThingAttributePrefix.Length..^1]),
            _ => null,
        };
    }
}
