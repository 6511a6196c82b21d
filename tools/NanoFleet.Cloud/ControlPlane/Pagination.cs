using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace NanoFleet.Cloud.ControlPlane
{
    /// <summary>
    /// AWS's maxResults/nextToken paging over a list in a stable order. The token is opaque to callers (base64 of
    /// the last key returned), so a page stays right when items are added or removed between calls.
    /// </summary>
    public static class Pagination
    {
        /// <summary>One page of <paramref name="items"/> (already in key order) and the token for the next, or null at the end.</summary>
        /// <param name="maxResults">The maxResults query value, or null for <paramref name="largestPage"/>.</param>
        /// <exception cref="AwsServiceException">InvalidRequestException: maxResults out of 1..largestPage, or a token this server did not make.</exception>
        public static (IReadOnlyList<T> Page, string? NextToken) Page<T>(IReadOnlyList<T> items, Func<T, string> key, string? maxResults, string? nextToken, int largestPage = 250)
        {
            int size = largestPage;
            if (maxResults is not null && (!int.TryParse(maxResults, out size) || size < 1 || size > largestPage))
            {
                throw AwsServiceException.InvalidRequest($"maxResults must be a number from 1 to {largestPage}, not '{maxResults}'.");
            }

            IEnumerable<T> rest = items;
            if (nextToken is not null)
            {
                string after = DecodeToken(nextToken);
                rest = items.SkipWhile(i => string.CompareOrdinal(key(i), after) <= 0);
            }

            var page = rest.Take(size + 1).ToList();
            return page.Count > size
                ? (page.Take(size).ToList(), Convert.ToBase64String(Encoding.UTF8.GetBytes(key(page[size - 1]))))
                : (page, null);
        }

        private static string DecodeToken(string token)
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(token));
            }
            catch (FormatException)
            {
                throw AwsServiceException.InvalidRequest("The nextToken is invalid.");
            }
        }
    }
}
