using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace NanoFleet.Cloud.ControlPlane
{
    /// <summary>
    /// `nanofleet cloud things list` over the control plane, in AWS's own calls: ListThings for the names, then per thing
    /// DescribeThing (type, attributes, billing group, version), ListThingPrincipals (its certificates) and
    /// ListThingGroupsForThing (its groups), every list followed through its nextToken pages.
    /// </summary>
    public static class ThingListClient
    {
        /// <summary>Every registered thing, in ListThings order.</summary>
        /// <exception cref="AwsServiceException">The control plane refused a call (AccessDeniedException…).</exception>
        public static async Task<IReadOnlyList<ThingInfo>> ListAsync(ControlPlaneClient client)
        {
            var things = new List<ThingInfo>();
            foreach (var summary in await AllPagesAsync(client, "/things", "things").ConfigureAwait(false))
            {
                string name = (string)summary!["thingName"]!, path = "/things/" + Uri.EscapeDataString(name);
                var d = (await client.SendAsync("GET", path, null).ConfigureAwait(false))!;
                var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (key, value) in d["attributes"]?.AsObject() ?? new JsonObject())
                {
                    attributes[key] = (string)value!;
                }

                var certificates = new List<string>();
                foreach (var arn in await AllPagesAsync(client, path + "/principals", "principals").ConfigureAwait(false))
                {
                    string text = (string)arn!;
                    certificates.Add(text[(text.LastIndexOf('/') + 1)..]);
                }

                var groups = new List<string>();
                foreach (var group in await AllPagesAsync(client, path + "/thing-groups", "thingGroups").ConfigureAwait(false))
                {
                    groups.Add((string)group!["groupName"]!);
                }

                things.Add(new ThingInfo(name, (string?)d["thingTypeName"], attributes, groups, (string?)d["billingGroupName"], certificates, (long)d["version"]!));
            }

            return things;
        }

        /// <summary>The <paramref name="member"/> items of every page of a list that pages with maxResults/nextToken.</summary>
        private static async Task<List<JsonNode?>> AllPagesAsync(ControlPlaneClient client, string path, string member)
        {
            var items = new List<JsonNode?>();
            string? next = null;
            do
            {
                string query = next is null ? "" : "?nextToken=" + Uri.EscapeDataString(next);
                var page = (await client.SendAsync("GET", path + query, null).ConfigureAwait(false))!;
                foreach (var item in page[member]?.AsArray() ?? new JsonArray())
                {
                    items.Add(item?.DeepClone());
                }

                next = (string?)page["nextToken"];
            }
            while (next is not null);
            return items;
        }
    }
}
