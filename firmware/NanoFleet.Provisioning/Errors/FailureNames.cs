using NanoFleet.Hal;

namespace NanoFleet.Provisioning
{
    /// <summary>
    /// Stable names for log events and diagnostics. Enum.ToString() returns the number on
    /// nanoFramework, so every name the core shows is spelled out here.
    /// </summary>
    public static class FailureNames
    {
        /// <summary>The suffix a failure class adds to a step's name, e.g. "RegisterThing" + "TokenInvalid".</summary>
        public static string Of(FailureClass failure)
        {
            switch (failure)
            {
                case FailureClass.Transient: return "TransientFailure";
                case FailureClass.TokenInvalid: return "TokenInvalid";
                default: return "PermanentFailure";
            }
        }

        /// <summary>Human-readable connect result.</summary>
        public static string Of(MqttConnectResult result)
        {
            switch (result)
            {
                case MqttConnectResult.Success: return "success";
                case MqttConnectResult.NetworkError: return "network error";
                case MqttConnectResult.CredentialsRejected: return "credentials rejected";
                case MqttConnectResult.ServerUntrusted: return "server not trusted";
                case MqttConnectResult.BadCredentials: return "credentials could not be loaded";
                default: return "connect error";
            }
        }
    }
}
