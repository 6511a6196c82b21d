namespace NanoFleet.Provisioning
{
    /// <summary>The fields of a RegisterThing accepted response.</summary>
    internal sealed class RegisterThingFields : IFieldSink
    {
        private readonly int _maxConfigurationEntries;
        private string? _thingName;
        private ConfigurationFields? _configuration;

        public RegisterThingFields(int maxConfigurationEntries)
        {
            _maxConfigurationEntries = maxConfigurationEntries;
        }

        public bool ReadField(IPayloadSource source, FpReadError error)
        {
            if (source.KeyEquals(FpPayloadKeys.ThingName))
            {
                return FieldReading.ReadTextOnce(source, FpPayloadKeys.ThingName, ref _thingName, error);
            }

            if (!source.KeyEquals(FpPayloadKeys.DeviceConfiguration))
            {
                return source.SkipValue();
            }

            if (_configuration != null)
            {
                return FieldReading.Duplicate(source, FpPayloadKeys.DeviceConfiguration, error);
            }

            _configuration = new ConfigurationFields(_maxConfigurationEntries);
            bool ok = FieldReading.ReadMap(source, _configuration, error);
            error.SetFieldIfEmpty(FpPayloadKeys.DeviceConfiguration);
            return ok;
        }

        /// <summary>True when the thing name came (deviceConfiguration is optional).</summary>
        public bool IsComplete(FpReadError error) => FieldReading.Require(_thingName, FpPayloadKeys.ThingName, error);

        /// <summary>Fills the result, replacing its configuration (after <see cref="IsComplete"/>).</summary>
        public void CopyTo(RegisterThingAccepted result)
        {
            result.ThingName = _thingName!;
            if (_configuration != null)
            {
                result.DeviceConfiguration.SwapEntries(_configuration.Entries);
            }
            else
            {
                result.DeviceConfiguration.Clear();
            }
        }
    }
}
