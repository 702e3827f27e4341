using System.Globalization;
using Renkei.Stix;
using Renkei.Taxii;

namespace Renkei.Web.Taxii;

/// <summary>Reads TAXII 2.1's query parameters (§3.4–3.5) into a <see cref="TaxiiQuery"/>, naming the parameter that is wrong.</summary>
public static class TaxiiRequest
{
    public static (TaxiiQuery? Query, IResult? Error) Read(HttpRequest request, bool versions = true)
    {
        var q = request.Query;
        var query = new TaxiiQuery();
        if (q.TryGetValue("limit", out var limitText))
        {
            if (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit < 1)
            {
                return Bad("limit", "must be a positive whole number");
            }
            query = query with { Limit = Math.Min(limit, TaxiiLimits.MaxPageSize) };
        }
        if (q.TryGetValue("added_after", out var afterText))
        {
            if (StixTimestamp.ParseUtc(afterText.ToString()) is not { } after)
            {
                return Bad("added_after", "must be a UTC timestamp such as 2026-01-01T00:00:00.000Z");
            }
            query = query with { AddedAfter = after };
        }
        if (q.TryGetValue("next", out var nextText))
        {
            if (!long.TryParse(nextText, NumberStyles.None, CultureInfo.InvariantCulture, out var next))
            {
                return Bad("next", "is not a value this server returned");
            }
            query = query with { After = next };
        }
        query = query with
        {
            Ids = List(q, "match[id]"),
            Types = List(q, "match[type]"),
            SpecVersions = List(q, "match[spec_version]"),
        };
        if (versions && q.ContainsKey("match[version]"))
        {
            var exact = new List<DateTime>();
            bool last = false, first = false, all = false;
            foreach (var v in List(q, "match[version]"))
            {
                switch (v)
                {
                    case "last":
                        last = true;
                        break;
                    case "first":
                        first = true;
                        break;
                    case "all":
                        all = true;
                        break;
                    default:
                        if (StixTimestamp.ParseUtc(v) is not { } at)
                        {
                            return Bad("match[version]", $"'{v}' is not last, first, all or a timestamp");
                        }
                        exact.Add(at);
                        break;
                }
            }
            query = query with { Last = last, First = first, All = all, Versions = exact };
        }
        return (query, null);
    }

    private static List<string> List(IQueryCollection q, string name) =>
        q.TryGetValue(name, out var values)
            ? values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal).Take(100).ToList()
            : [];

    private static (TaxiiQuery?, IResult?) Bad(string parameter, string reason) =>
        (null, TaxiiMedia.Error(400, "Bad request", $"{parameter} {reason}.", new Dictionary<string, string> { ["parameter"] = parameter, ["reason"] = reason }));
}
