using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NanoFleet.Cloud.Internal;

namespace NanoFleet.Cloud.ControlPlane.Operations
{
    /// <summary>
    /// The AWS IoT operations on the things RegisterThing made (AWS IoT API reference): DescribeThing, ListThings and
    /// ListThingPrincipals, and ListThingGroupsForThing. A thing's ARN is `arn:aws:iot:REGION:ACCOUNT:thing/NAME`.
    /// </summary>
    internal static class ThingOperations
    {
        /// <summary>AWS allows 1-250 results a page and documents no default; the emulator gives 50.</summary>
        private const int DefaultPageSize = 50, MaxPageSize = 250;

        public static void Map(OperationTable table, FleetEmulator emulator)
        {
            var arns = new AwsArns(emulator.Options.Region, emulator.Options.AccountId);
            table.Add(new ControlPlaneOperation("DescribeThing", "GET", "/things/{thingName}", "iot:DescribeThing",
                r => arns.Thing(r.Route("thingName")), r => DescribeThingAsync(emulator, arns, r)));
            table.Add(new ControlPlaneOperation("ListThings", "GET", "/things", "iot:ListThings",
                _ => "*", r => ListThingsAsync(emulator, arns, r)));
            table.Add(new ControlPlaneOperation("ListThingPrincipals", "GET", "/things/{thingName}/principals", "iot:ListThingPrincipals",
                r => arns.Thing(r.Route("thingName")), r => ListThingPrincipalsAsync(emulator, arns, r)));
            table.Add(new ControlPlaneOperation("ListThingGroupsForThing", "GET", "/things/{thingName}/thing-groups", "iot:ListThingGroupsForThing",
                r => arns.Thing(r.Route("thingName")), r => ListThingGroupsForThingAsync(emulator, arns, r)));
        }

        private static async Task<JsonObject?> DescribeThingAsync(FleetEmulator emulator, AwsArns arns, ControlPlaneRequest request)
        {
            var thing = await FindAsync(emulator, request.Route("thingName")).ConfigureAwait(false);
            var description = Summary(thing, arns);
            description["defaultClientId"] = thing.Name;
            description["thingId"] = ThingId(arns, thing.Name);
            if (thing.BillingGroup is { } billing)
            {
                description["billingGroupName"] = billing;
            }

            return description;
        }

        /// <summary>Filters as AWS does: by thing type, and by one attribute's value (exact, or as a prefix with usePrefixAttributeValue).</summary>
        private static async Task<JsonObject?> ListThingsAsync(FleetEmulator emulator, AwsArns arns, ControlPlaneRequest request)
        {
            string? type = request.QueryValue("thingTypeName"), attribute = request.QueryValue("attributeName"), value = request.QueryValue("attributeValue");
            bool prefix = AwsJson.QueryBool(request, "usePrefixAttributeValue") ?? false;
            if (prefix && (attribute is null || value is null))
            {
                throw AwsServiceException.InvalidRequest("usePrefixAttributeValue needs attributeName and attributeValue");
            }

            var matching = new List<ThingInfo>();
            foreach (var thing in await emulator.Things.ListAsync().ConfigureAwait(false))
            {
                if ((type is null || thing.ThingTypeName == type) && (attribute is null || HasAttribute(thing, attribute, value, prefix)))
                {
                    matching.Add(thing);
                }
            }

            var page = Pagination.Page(request, matching, "maxResults", "nextToken", DefaultPageSize, MaxPageSize, out string? next);
            var things = new JsonArray();
            foreach (var thing in page)
            {
                things.Add(Summary(thing, arns));
            }

            return Pagination.WithNext(new JsonObject { ["things"] = things }, "nextToken", next);
        }

        private static async Task<JsonObject?> ListThingPrincipalsAsync(FleetEmulator emulator, AwsArns arns, ControlPlaneRequest request)
        {
            var thing = await FindAsync(emulator, request.Route("thingName")).ConfigureAwait(false);
            var page = Pagination.Page(request, thing.CertificateIds, "maxResults", "nextToken", DefaultPageSize, MaxPageSize, out string? next);
            var principals = new JsonArray();
            foreach (string id in page)
            {
                principals.Add(arns.Certificate(id));
            }

            return Pagination.WithNext(new JsonObject { ["principals"] = principals }, "nextToken", next);
        }

        /// <summary>The static groups RegisterThing put the thing in (AWS's GroupNameAndArn list).</summary>
        private static async Task<JsonObject?> ListThingGroupsForThingAsync(FleetEmulator emulator, AwsArns arns, ControlPlaneRequest request)
        {
            var thing = await FindAsync(emulator, request.Route("thingName")).ConfigureAwait(false);
            var page = Pagination.Page(request, thing.ThingGroups, "maxResults", "nextToken", DefaultPageSize, MaxPageSize, out string? next);
            var groups = new JsonArray();
            foreach (string group in page)
            {
                groups.Add(new JsonObject { ["groupName"] = group, ["groupArn"] = arns.ThingGroup(group) });
            }

            return Pagination.WithNext(new JsonObject { ["thingGroups"] = groups }, "nextToken", next);
        }

        /// <summary>AWS's ThingAttribute: the members ListThings gives, which DescribeThing extends.</summary>
        private static JsonObject Summary(ThingInfo thing, AwsArns arns)
        {
            var attributes = new JsonObject();
            foreach (var (name, value) in thing.Attributes)
            {
                attributes[name] = value;
            }

            var summary = new JsonObject { ["thingName"] = thing.Name, ["thingArn"] = arns.Thing(thing.Name), ["attributes"] = attributes, ["version"] = thing.Version };
            if (thing.ThingTypeName is { } type)
            {
                summary["thingTypeName"] = type;
            }

            return summary;
        }

        private static bool HasAttribute(ThingInfo thing, string attribute, string? value, bool prefix) =>
            thing.Attributes.TryGetValue(attribute, out string? actual) &&
            (value is null || (prefix ? actual.StartsWith(value, StringComparison.Ordinal) : actual == value));

        /// <summary>AWS gives each thing a random UUID; the registry keeps none, so the emulator derives a stable one from the thing's ARN.</summary>
        private static string ThingId(AwsArns arns, string name) =>
            new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(arns.Thing(name)))[..16]).ToString();

        private static async Task<ThingInfo> FindAsync(FleetEmulator emulator, string name) =>
            await emulator.Things.GetAsync(name).ConfigureAwait(false)
            ?? throw AwsServiceException.ResourceNotFound($"thing '{name}' does not exist");
    }
}
