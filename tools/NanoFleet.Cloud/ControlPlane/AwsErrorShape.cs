using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NanoFleet.Cloud.ControlPlane
{
    /// <summary>
    /// AWS's restJson1 error shape, read and written in one place: the type in the `x-amzn-ErrorType` header
    /// (botocore and the JS SDK cut it at the first `:`), `{"message": …}` as the body.
    /// </summary>
    public static class AwsErrorShape
    {
        public const string TypeHeader = "x-amzn-ErrorType";

        /// <summary>The body of an error response.</summary>
        public static string Body(AwsServiceException error) => new JsonObject { ["message"] = error.Message }.ToJsonString();

        /// <summary>The error an error response carries.</summary>
        public static AwsServiceException Read(HttpResponseMessage response, string body)
        {
            string type = response.Headers.TryGetValues(TypeHeader, out var values) ? values.First().Split(':')[0] : string.Empty;
            string message = body;
            try
            {
                if (JsonNode.Parse(body) is JsonObject json)
                {
                    message = (json["message"] ?? json["Message"])?.GetValue<string>() ?? body;
                    type = type.Length > 0 ? type : json["__type"]?.GetValue<string>().Split('#')[^1] ?? string.Empty;
                }
            }
            catch (JsonException)
            {
                // Not JSON (a proxy's page): the text itself is the message.
            }

            return new AwsServiceException((int)response.StatusCode, type.Length > 0 ? type : $"Http{(int)response.StatusCode}", message);
        }
    }
}
