using Microsoft.AspNetCore.Http;

namespace ReviewPulse.Lambda.HttpApi;

/// <summary>The request body, refusing to be read past the size limit (Kestrel's MaxRequestBodySize, done here).</summary>
internal sealed class LimitedRequestStream(byte[] body, long limit) : MemoryStream(body, writable: false)
{
    public override int Read(byte[] buffer, int offset, int count)
    {
        Check();
        return base.Read(buffer, offset, count);
    }

    public override int Read(Span<byte> buffer)
    {
        Check();
        return base.Read(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Check();
        return base.ReadAsync(buffer, offset, count, cancellationToken);
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Check();
        return base.ReadAsync(buffer, cancellationToken);
    }

    private void Check()
    {
        if (Length > limit)
        {
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }
    }
}
