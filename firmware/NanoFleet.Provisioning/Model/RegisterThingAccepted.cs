namespace NanoFleet.Provisioning
{
    /// <summary>The accepted response of RegisterThing.</summary>
    public sealed class RegisterThingAccepted
    {
        /// <summary>The thing this device now is.</summary>
        public string ThingName { get; set; } = "";

        /// <summary>The template's DeviceConfiguration, a flat string map (may be empty).</summary>
        public StringMap DeviceConfiguration { get; } = new StringMap();

        /// <inheritdoc />
        public override string ToString() => "thing " + ThingName;
    }
}
