using System.Security.Cryptography;
using System.Text;

namespace ReviewPulse.Api.Security;

/// <summary>
/// HMAC-based secrets of the API: tamper-evident cursors and keyed hashes of client addresses. One configured key
/// (or a random one per process locally) with a label per use, so a cursor can never pass as a client key.
/// </summary>
public sealed class Signer(byte[] key)
{
    /// <summary>Wraps a store position as <c>payload.mac</c>, bound to <paramref name="purpose"/> (e.g. which list).</summary>
    public string SignCursor(string purpose, string position)
    {
        var payload = Encoding.UTF8.GetBytes(position);
        return $"{Base64Url(payload)}.{Base64Url(Mac($"cursor|{purpose}|", payload)[..16])}";
    }

    /// <summary>Returns the position inside a cursor, or null when it was altered, truncated or made for another list.</summary>
    public string? ReadCursor(string purpose, string cursor)
    {
        var dot = cursor.IndexOf('.');
        if (dot <= 0 || !TryDecode(cursor[..dot], out var payload) || !TryDecode(cursor[(dot + 1)..], out var mac))
        {
            return null;
        }
        return CryptographicOperations.FixedTimeEquals(mac, Mac($"cursor|{purpose}|", payload).AsSpan(0, 16)) ? Encoding.UTF8.GetString(payload) : null;
    }

    /// <summary>A keyed hash of a client address: stable per key, useless without it (no raw IP is stored).</summary>
    public string ClientKey(string address) => Convert.ToHexStringLower(Mac("client|", Encoding.UTF8.GetBytes(address))[..16]);

    private byte[] Mac(string label, byte[] payload) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(label).Concat(payload).ToArray());

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecode(string text, out byte[] bytes)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        bytes = new byte[padded.Length];
        if (Convert.TryFromBase64String(padded, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }
        return false;
    }
}
