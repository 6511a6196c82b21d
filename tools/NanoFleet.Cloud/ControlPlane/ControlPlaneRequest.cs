using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace NanoFleet.Cloud.ControlPlane
{
    /// <summary>
    /// One control-plane call after routing and authentication: the values the path template captured
    /// (`{templateName}` → "factory-a"), the query string, the JSON body (null when there is none) and the
    /// caller's identity. Handlers read their inputs from here and nothing else, so they are tested in-process
    /// through <see cref="OperationTable.DispatchAsync"/> exactly as the HTTP server calls them.
    /// </summary>
    public sealed record ControlPlaneRequest(
        IReadOnlyDictionary<string, string> RouteValues,
        IReadOnlyDictionary<string, string> Query,
        JsonObject? Body,
        string CallerArn)
    {
        /// <summary>A path value the route declared.</summary>
        public string Route(string name) => RouteValues[name];

        /// <summary>A query parameter, or null.</summary>
        public string? QueryValue(string name) => Query.TryGetValue(name, out string? value) ? value : null;

        /// <summary>A required string member of the body; missing or not a string is AWS's InvalidRequestException.</summary>
        public string RequiredString(string member) =>
            OptionalString(member) ?? throw AwsServiceException.InvalidRequest($"{member} is required");

        /// <summary>A string member of the body, or null when absent.</summary>
        public string? OptionalString(string member) => TryMember(member, "a string", out string? text) ? text : null;

        /// <summary>A boolean member of the body, or null when absent.</summary>
        public bool? OptionalBool(string member) => TryMember(member, "a boolean", out bool flag) ? flag : null;

        /// <summary>An integer member of the body, or null when absent.</summary>
        public int? OptionalInt(string member) => TryMember(member, "an integer", out int number) ? number : null;

        /// <summary>An object member of the body, or null when absent.</summary>
        public JsonObject? OptionalObject(string member) => Member(member) switch
        {
            null => null,
            JsonObject value => value,
            _ => throw AwsServiceException.InvalidRequest($"{member} must be an object"),
        };

        /// <summary>An integer path value (`{versionId}`); anything else is InvalidRequestException.</summary>
        public int RouteInt(string name) =>
            int.TryParse(Route(name), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int value)
                ? value
                : throw AwsServiceException.InvalidRequest($"{name} must be an integer, not '{Route(name)}'");

        private JsonNode? Member(string member) => Body is not null && Body.TryGetPropertyValue(member, out JsonNode? node) ? node : null;

        private bool TryMember<T>(string member, string kind, out T value)
        {
            value = default!;
            switch (Member(member))
            {
                case null:
                    return false;
                case JsonValue node when node.TryGetValue(out T? typed) && typed is not null:
                    value = typed;
                    return true;
                default:
                    throw AwsServiceException.InvalidRequest($"{member} must be {kind}");
            }
        }
    }
}
