using NanoFleet.Hal;
using NanoFleet.Provisioning.Text;

namespace NanoFleet.Provisioning
{
    /// <summary>
    /// Sorts rejections and connect results into <see cref="FailureClass"/>. AWS publishes no list
    /// of MQTT error codes (reference §1), so the rules key on the status code first and on the
    /// known error codes second, and anything unknown in the 4xx range is treated as permanent:
    /// retrying the same request quickly cannot fix it.
    /// </summary>
    public static class FailureClassifier
    {
        /// <summary>Classifies a /rejected response.</summary>
        /// <param name="error">The parsed error body.</param>
        /// <returns>The failure class.</returns>
        public static FailureClass Classify(ErrorResponse error)
        {
            string code = error.ErrorCode;
            if (WholeChars.Contains(code, "Token") || WholeChars.Contains(error.ErrorMessage, "ownership token"))
            {
                return FailureClass.TokenInvalid;
            }

            if (error.StatusCode == 429 || WholeChars.Contains(code, "Throttl") || WholeChars.Contains(code, "TooManyRequests")
                || WholeChars.Contains(code, "ServiceUnavailable") || WholeChars.Contains(code, "InternalFailure") || WholeChars.Contains(code, "InternalError"))
            {
                return FailureClass.Transient;
            }

            if (error.StatusCode >= 500 && error.StatusCode <= 599)
            {
                return FailureClass.Transient;
            }

            // ACCESS_DENIED, 401, 403, ResourceNotFound (unknown template), InvalidParameters and any other
            // 4xx: the same request will be refused again.
            return FailureClass.Permanent;
        }

        /// <summary>Classifies a failed connect with the claim.</summary>
        /// <param name="result">Anything but Success.</param>
        /// <returns>Transient for network trouble, Permanent when the claim or the server is not trusted.</returns>
        public static FailureClass ClassifyConnect(MqttConnectResult result)
        {
            switch (result)
            {
                case MqttConnectResult.CredentialsRejected:
                case MqttConnectResult.ServerUntrusted:
                case MqttConnectResult.BadCredentials:
                    return FailureClass.Permanent;
                default:
                    return FailureClass.Transient;
            }
        }
    }
}
