using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace ReviewPulse.Storage.DynamoDb;

/// <summary>Attribute values and keys as both DynamoDB stores write them; times are fixed-width UTC so they sort.</summary>
internal static class DynamoDbItems
{
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static Dictionary<string, AttributeValue> Key(string pk, string sk) => new() { ["PK"] = S(pk), ["SK"] = S(sk) };

    public static AttributeValue S(string value) => new() { S = value };

    public static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue F(float value) => new() { N = value.ToString("R", CultureInfo.InvariantCulture) };

    public static long Number(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var v) && v.N is not null ? long.Parse(v.N, CultureInfo.InvariantCulture) : 0;

    public static float Float(Dictionary<string, AttributeValue> item, string name) => float.Parse(item[name].N, CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string s) =>
        DateTimeOffset.ParseExact(s, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTimeOffset? OptionalTime(Dictionary<string, AttributeValue> item, string name) => item.TryGetValue(name, out var v) ? ParseTime(v.S) : null;
}
