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
        public string? OptionalString(string member)
        {
            if (Body is null || !Body.TryGetPropertyValue(member, out JsonNode? node) || node is null)
            {
                return null;
            }

            return node is JsonValue value && value.TryGetValue(out string? text)
                ? text
                : throw AwsServiceException.InvalidRequest($"{member} must be a string");
        }

        /// <summary>A boolean member of the body, or null when absent.</summary>
        public bool? OptionalBool(string member)
        {
            if (Body is null || !Body.TryGetPropertyValue(member, out JsonNode? node) || node is null)
            {
                return null;
            }

            return node is JsonValue value && value.TryGetValue(out bool flag)
                ? flag
                : throw AwsServiceException.InvalidRequest($"{member} must be a boolean");
        }
    }
}
