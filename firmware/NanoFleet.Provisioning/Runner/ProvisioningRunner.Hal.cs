using System;
using NanoFleet.Hal;
using NanoFleet.Provisioning.Storage;

namespace NanoFleet.Provisioning
{
    // Every HAL call, guarded: the HAL contract is status results, but a HAL that throws anyway
    // (a TLS stack, a flash driver) turns into the failure event the machine already handles
    // instead of ending Run(). Only the exception's type is logged: its message is the HAL's text
    // and is not vetted for secrets.
    public sealed partial class ProvisioningRunner
    {
        private DeviceCredentials? LoadStoredCredentials()
        {
            var stored = new DeviceCredentials();
            StoreStatus status;
            try
            {
                status = _store.Load(stored);
            }
            catch (Exception ex)
            {
                HalThrew("loading the device record", ex);
                status = StoreStatus.Error;
            }

            if (status == StoreStatus.Success)
            {
                return stored;
            }

            if (status != StoreStatus.NotFound)
            {
                _log.Log(LogLevel.Warning, "CredentialStoreUnreadable", "loading the device record failed; provisioning with the claim");
            }

            return null;
        }

        private MqttConnectResult Connect(MqttCredentials credentials)
        {
            try
            {
                // A clean session each time: subscriptions from an earlier session are gone.
                _session.Disconnect();
                return _session.Connect(credentials);
            }
            catch (Exception ex)
            {
                HalThrew("connecting", ex);
                return MqttConnectResult.Error;
            }
        }

        private void Subscribe(string filter)
        {
            int packetId;
            HalStatus status;
            try
            {
                status = _session.Subscribe(filter, out packetId);
            }
            catch (Exception ex)
            {
                HalThrew("subscribing", ex);
                status = HalStatus.Error;
                packetId = 0;
            }

            if (status == HalStatus.Success)
            {
                _subscriptions.Add(packetId, filter);
            }
            else
            {
                _queue.Enqueue(ProvisioningEvent.ConnectionLost("the session refused the subscribe"));
            }
        }

        private void Publish(string topic, byte[] payload, int count)
        {
            HalStatus status;
            try
            {
                status = _session.Publish(topic, payload, 0, count);
            }
            catch (Exception ex)
            {
                HalThrew("publishing", ex);
                status = HalStatus.Error;
            }

            if (status != HalStatus.Success)
            {
                _queue.Enqueue(ProvisioningEvent.PublishFailed("the session refused the publish"));
            }
        }

        private void Disconnect()
        {
            try
            {
                _session.Disconnect();
            }
            catch (Exception ex)
            {
                HalThrew("disconnecting", ex);
            }
        }

        private void CreateCsr(string commonName)
        {
            byte[]? csr;
            byte[]? privateKeyPem;
            try
            {
                byte[] key;
                csr = _csrSource!.CreateCsr(commonName, out key);
                privateKeyPem = key;
            }
            catch (Exception ex)
            {
                HalThrew("creating a key pair and CSR", ex);
                csr = null;
                privateKeyPem = null;
            }

            _queue.Enqueue(ProvisioningEvent.CsrCreated(csr, privateKeyPem));
        }

        private StoreStatus Save(DeviceCredentials credentials)
        {
            try
            {
                return _store.Save(credentials);
            }
            catch (Exception ex)
            {
                HalThrew("saving the device record", ex);
                return StoreStatus.Error;
            }
        }

        private void MarkCredentialsBad()
        {
            StoreStatus status;
            try
            {
                status = _store.MarkBad();
            }
            catch (Exception ex)
            {
                HalThrew("marking the device record bad", ex);
                status = StoreStatus.Error;
            }

            if (status == StoreStatus.Error)
            {
                _log.Log(LogLevel.Error, "MarkCredentialsBadFailed", "the store could not mark the device record bad");
            }
        }

        private void HalThrew(string doing, Exception ex) =>
            _log.Log(LogLevel.Error, "HalCallFailed", "the HAL threw " + ex.GetType().Name + " while " + doing);
    }
}
