using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace NanoFleet.Cloud.ControlPlane
{
    /// <summary>
    /// The control plane's routes. Each operation group (templates, certificates, …) adds its operations;
    /// <see cref="Match"/> finds the one a method and path name, with the path values it captured.
    /// </summary>
    public sealed class OperationTable
    {
        private readonly List<(ControlPlaneOperation Operation, string[] Segments)> _operations = new();

        /// <summary>Every operation, in the order added.</summary>
        public IEnumerable<ControlPlaneOperation> Operations
        {
            get
            {
                foreach (var (operation, _) in _operations)
                {
                    yield return operation;
                }
            }
        }

        /// <summary>Adds an operation.</summary>
        /// <exception cref="InvalidOperationException">Another operation already has that method and path template.</exception>
        public void Add(ControlPlaneOperation operation)
        {
            string[] segments = Split(operation.PathTemplate);
            foreach (var (existing, existingSegments) in _operations)
            {
                if (existing.Method == operation.Method && SameShape(existingSegments, segments))
                {
                    throw new InvalidOperationException($"{operation.Name} and {existing.Name} both route {operation.Method} {operation.PathTemplate}");
                }
            }

            _operations.Add((operation, segments));
        }

        /// <summary>The operation for <paramref name="method"/> and the unescaped path segments, or null.
        /// Literal segments win over `{value}` segments, so `/provisioning-templates/x/versions` never reads as a name.</summary>
        public ControlPlaneOperation? Match(string method, IReadOnlyList<string> pathSegments, out IReadOnlyDictionary<string, string> routeValues)
        {
            ControlPlaneOperation? best = null;
            Dictionary<string, string>? bestValues = null;
            int bestLiterals = -1;
            foreach (var (operation, segments) in _operations)
            {
                if (operation.Method != method || segments.Length != pathSegments.Count)
                {
                    continue;
                }

                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                int literals = 0;
                bool matched = true;
                for (int i = 0; i < segments.Length && matched; i++)
                {
                    if (IsValue(segments[i]))
                    {
                        matched = pathSegments[i].Length > 0;
                        values[segments[i][1..^1]] = pathSegments[i];
                    }
                    else
                    {
                        matched = segments[i] == pathSegments[i];
                        literals++;
                    }
                }

                if (matched && literals > bestLiterals)
                {
                    best = operation;
                    bestValues = values;
                    bestLiterals = literals;
                }
            }

            routeValues = bestValues ?? new Dictionary<string, string>();
            return best;
        }

        /// <summary>
        /// Routes and runs one call in-process, without HTTP or authentication: what the HTTP server does
        /// after it has checked the signature and the caller's policy, and what handler tests call.
        /// </summary>
        /// <param name="method">GET, POST, PUT, PATCH or DELETE.</param>
        /// <param name="pathAndQuery">The escaped path, with its query string if any.</param>
        /// <param name="body">The JSON body, or null.</param>
        /// <param name="callerArn">Who calls.</param>
        /// <exception cref="AwsServiceException">No operation has that route (404 UnknownOperationException), or the handler's error.</exception>
        public async Task<JsonObject?> DispatchAsync(string method, string pathAndQuery, JsonObject? body, string callerArn)
        {
            var call = Resolve(method, pathAndQuery, body, callerArn, out ControlPlaneOperation operation);
            return await InvokeAsync(operation, call).ConfigureAwait(false);
        }

        /// <summary>Runs a handler, turning the registries' own errors into AWS's (<see cref="ControlPlaneErrors"/>).</summary>
        /// <exception cref="AwsServiceException">The handler's error, as AWS names it.</exception>
        public static async Task<JsonObject?> InvokeAsync(ControlPlaneOperation operation, ControlPlaneRequest request)
        {
            try
            {
                return await operation.Handler(request).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not AwsServiceException && ControlPlaneErrors.Translate(ex) is { } aws)
            {
                throw aws;
            }
        }

        /// <summary>The operation a call names and the request its handler gets.</summary>
        /// <exception cref="AwsServiceException">No operation has that route.</exception>
        public ControlPlaneRequest Resolve(string method, string pathAndQuery, JsonObject? body, string callerArn, out ControlPlaneOperation operation)
        {
            string[] parts = pathAndQuery.Split('?', 2);
            var segments = Array.ConvertAll(Split(parts[0]), Uri.UnescapeDataString);
            operation = Match(method, segments, out var routeValues)
                ?? throw new AwsServiceException(404, "UnknownOperationException", $"no operation is {method} {parts[0]}");
            var query = new Dictionary<string, string>(StringComparer.Ordinal);
            if (parts.Length > 1)
            {
                foreach (string pair in parts[1].Split('&', StringSplitOptions.RemoveEmptyEntries))
                {
                    string[] kv = pair.Split('=', 2);
                    query[Uri.UnescapeDataString(kv[0])] = kv.Length > 1 ? Uri.UnescapeDataString(kv[1].Replace('+', ' ')) : string.Empty;
                }
            }

            return new ControlPlaneRequest(routeValues, query, body, callerArn);
        }

        private static string[] Split(string path) => path.Trim('/').Split('/');

        private static bool IsValue(string segment) => segment.StartsWith('{') && segment.EndsWith('}');

        private static bool SameShape(string[] a, string[] b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (IsValue(a[i]) != IsValue(b[i]) || (!IsValue(a[i]) && a[i] != b[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
