using System.Text.RegularExpressions;

namespace NanoFleet.Cloud.Internal
{
    /// <summary>One kind of AWS IoT resource name and the pattern AWS's API reference gives it.</summary>
    internal sealed record ResourceNameRule(string What, Regex Pattern, string Describe);

    /// <summary>
    /// AWS IoT's name patterns (API reference: CreateThing, CreateThingType, CreateThingGroup, CreateBillingGroup,
    /// CreatePolicy, AttributePayload). A name that does not match is refused before anything is written: such names
    /// end up in topics and ARNs that policies glob against. `\z`, not `$`: .NET's `$` also matches before a final newline.
    /// </summary>
    internal static class ResourceNames
    {
        private const string RegistryName = "1-128 characters of a-z A-Z 0-9 : _ -";

        public static readonly ResourceNameRule Thing = new("thing name", new Regex(@"^[a-zA-Z0-9:_-]{1,128}\z", RegexOptions.CultureInvariant), RegistryName);
        public static readonly ResourceNameRule ThingType = new("thing type name", Thing.Pattern, RegistryName);
        public static readonly ResourceNameRule ThingGroup = new("thing group name", Thing.Pattern, RegistryName);
        public static readonly ResourceNameRule BillingGroup = new("billing group name", Thing.Pattern, RegistryName);
        public static readonly ResourceNameRule Policy = new("policy name", new Regex(@"^[a-zA-Z0-9_+=,.@-]{1,128}\z", RegexOptions.CultureInvariant), "1-128 characters of a-z A-Z 0-9 + = , . @ _ -");
        public static readonly ResourceNameRule AttributeName = new("attribute name",
            new Regex(@"^[a-zA-Z0-9_.,@/:#-]{1,128}\z", RegexOptions.CultureInvariant), "1-128 characters of a-z A-Z 0-9 _ . , @ / : # -");
        public static readonly ResourceNameRule AttributeValue = new("attribute value",
            new Regex(@"^[a-zA-Z0-9_.,@/:#=\[\]-]{0,800}\z", RegexOptions.CultureInvariant), "at most 800 characters of a-z A-Z 0-9 _ . , @ / : # = [ ] -");

        /// <summary>Null when <paramref name="value"/> fits <paramref name="rule"/>; otherwise what is wrong, quoting the value
        /// escaped so a control character in it cannot forge log lines.</summary>
        public static string? Check(ResourceNameRule rule, string value) =>
            rule.Pattern.IsMatch(value) ? null : $"The {rule.What} '{Escape(value)}' is invalid: use {rule.Describe}.";

        private static string Escape(string value) =>
            System.Text.Json.JsonEncodedText.Encode(value.Length > 140 ? value[..140] + "…" : value).ToString();
    }
}
