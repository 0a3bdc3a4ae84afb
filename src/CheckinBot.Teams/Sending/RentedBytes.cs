using System.Buffers;

namespace CheckinBot.Teams.Sending;

/// <summary>
/// Bytes written into arrays rented from the shared pool, grown by doubling; the array goes back to the pool on
/// <see cref="Dispose"/>. What a connector call writes and reads passes through one of these instead of a string.
/// </summary>
internal sealed class RentedBytes(int initialSize = 1024) : IBufferWriter<byte>, IDisposable
{
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(initialSize);

    public int Length { get; private set; }

    public ReadOnlyMemory<byte> Written => buffer.AsMemory(0, Length);

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, buffer.Length - Length);
        Length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return buffer.AsMemory(Length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return buffer.AsSpan(Length);
    }

    /// <summary>Reads the whole stream in.</summary>
    public async Task ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        int read;
        while ((read = await stream.ReadAsync(GetMemory(), cancellationToken)) > 0)
        {
            Advance(read);
        }
    }

    public void Dispose()
    {
        var rented = buffer;
        buffer = [];
        Length = 0;
        if (rented.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private void Reserve(int sizeHint)
    {
        ObjectDisposedException.ThrowIf(buffer.Length == 0, this);
        var needed = Length + Math.Max(sizeHint, 256);
        if (needed <= buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, buffer.Length * 2));
        buffer.AsSpan(0, Length).CopyTo(larger);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        buffer = larger;
    }
}
