using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NanoFleet.Cloud.ControlPlane.Operations
{
    /// <summary>
    /// AWS's list paging: a page size parameter (`pageSize`, `maxResults`) and an opaque continuation token
    /// (`marker`, `nextToken`) that the next call sends back. The emulator's token is the base64 of the offset
    /// into the ordered list, which fits AWS's marker pattern `[A-Za-z0-9+/]+={0,2}`.
    /// </summary>
    internal static class Pagination
    {
        /// <summary>The page of <paramref name="items"/> a call asks for.</summary>
        /// <param name="request">The call.</param>
        /// <param name="items">The whole ordered list.</param>
        /// <param name="sizeParameter">The name of the page size parameter.</param>
        /// <param name="tokenParameter">The name of the continuation token parameter.</param>
        /// <param name="defaultSize">AWS's default page size for this operation.</param>
        /// <param name="maxSize">AWS's largest page size for this operation.</param>
        /// <param name="nextToken">The token for the next page, or null on the last page.</param>
        /// <exception cref="AwsServiceException">InvalidRequestException: a size outside 1..<paramref name="maxSize"/> or a token this emulator did not give.</exception>
        public static List<T> Page<T>(ControlPlaneRequest request, IReadOnlyList<T> items, string sizeParameter, string tokenParameter,
            int defaultSize, int maxSize, out string? nextToken)
        {
            int size = defaultSize;
            if (request.QueryValue(sizeParameter) is { } sizeText &&
                (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > maxSize))
            {
                throw AwsServiceException.InvalidRequest($"{sizeParameter} must be a number from 1 to {maxSize}, not '{sizeText}'");
            }

            int start = request.QueryValue(tokenParameter) is { } token ? Offset(token, tokenParameter) : 0;
            var page = new List<T>();
            for (int i = start; i < items.Count && page.Count < size; i++)
            {
                page.Add(items[i]);
            }

            int next = start + page.Count;
            nextToken = next < items.Count ? Convert.ToBase64String(Encoding.ASCII.GetBytes(next.ToString(CultureInfo.InvariantCulture))) : null;
            return page;
        }

        /// <summary>Adds the continuation token as <paramref name="member"/> (`nextMarker`, `nextToken`) when there is a next page:
        /// AWS omits it on the last one.</summary>
        public static System.Text.Json.Nodes.JsonObject WithNext(System.Text.Json.Nodes.JsonObject response, string member, string? next)
        {
            if (next is not null)
            {
                response[member] = next;
            }

            return response;
        }

        private static int Offset(string token, string tokenParameter)
        {
            try
            {
                string text = Encoding.ASCII.GetString(Convert.FromBase64String(token));
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int offset))
                {
                    return offset;
                }
            }
            catch (FormatException)
            {
            }

            throw AwsServiceException.InvalidRequest($"{tokenParameter} '{token}' is not a token from a previous page");
        }
    }
}
