namespace NanoFleet.Station.Jitp
{
    /// <summary>A new factory PKI as <see cref="FactoryCa.Create"/> makes it: root.pem/root.key (kept offline) and
    /// ca.pem/ca.key (the issuing CA the station signs with and AWS IoT registers). Holds keys: <see cref="ToString"/> hides them.</summary>
    public sealed record FactoryCaFiles(string RootPem, string RootKeyPem, string CaPem, string CaKeyPem)
    {
        /// <inheritdoc />
        public override string ToString() => "factory CA (root and issuing certificates with their keys)";
    }
}
