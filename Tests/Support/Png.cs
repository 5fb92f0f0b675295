using System.Buffers.Binary;
using System.IO.Compression;

namespace Waitlist.Tests.Support;

/// <summary>PNG files written by hand, for what libvips would not write: extra chunks, and a decompression bomb.</summary>
public static class Png
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// A valid PNG of <paramref name="width"/>×<paramref name="height"/> black pixels, 1 bit each: 20,000×20,000 is
    /// 50 MB of pixel rows that deflate to about 50 KB, and 400 million pixels once decoded.
    /// </summary>
    public static byte[] Bomb(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 1;  // bit depth
        header[9] = 0;  // greyscale
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[1 + (width + 7) / 8]; // filter byte 0, then zeros
            for (var y = 0; y < height; y++)
                zlib.Write(row);
        }
        using var png = new MemoryStream();
        png.Write(Signature);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary><paramref name="png"/> with a chunk added right after IHDR (eXIf and tEXt may come before the image data).</summary>
    public static byte[] WithChunk(byte[] png, string type, byte[] data)
    {
        const int afterHeader = 8 + 4 + 4 + 13 + 4;
        using var result = new MemoryStream();
        result.Write(png.AsSpan(0, afterHeader));
        WriteChunk(result, type, data);
        result.Write(png.AsSpan(afterHeader));
        return result.ToArray();
    }

    /// <summary>A tEXt chunk's data: keyword, NUL, text (Latin-1).</summary>
    public static byte[] Text(string keyword, string text) => Encoding.Latin1.GetBytes($"{keyword}\0{text}");

    /// <summary>A minimal big-endian EXIF block (the data of an eXIf chunk) with an Artist tag.</summary>
    public static byte[] Exif(string artist)
    {
        var value = Encoding.ASCII.GetBytes(artist + "\0");
        using var exif = new MemoryStream();
        exif.Write("MM\0\u002A"u8);                       // big-endian TIFF header
        exif.Write([0, 0, 0, 8]);                         // first IFD at offset 8
        exif.Write([0, 1]);                               // one entry
        exif.Write([0x01, 0x3B, 0, 2]);                   // Artist, ASCII
        var count = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(count, value.Length);
        exif.Write(count);
        exif.Write([0, 0, 0, 26]);                        // value offset: after this IFD
        exif.Write([0, 0, 0, 0]);                         // no next IFD
        exif.Write(value);
        return exif.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
