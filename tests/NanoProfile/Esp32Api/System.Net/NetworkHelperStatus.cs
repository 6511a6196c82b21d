// API declaration of nanoframework/System.Net:nanoFramework.System.Net/NetworkHelper/NetworkHelperStatus.cs.
namespace nanoFramework.Networking
{
    public enum NetworkHelperStatus
    {
        None,
        Started,
        NetworkIsReady,
        FailedNoNetworkInterface,
        TokenExpiredWaitingIPAddress,
        TokenExpiredWaitingDateTime,
        ErrorConnetingToWiFiWhileScanning,
        Reconnecting,
        ExceptionOccurred,
    }
}
