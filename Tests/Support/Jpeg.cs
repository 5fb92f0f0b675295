namespace Waitlist.Tests.Support;

/// <summary>
/// What a test needs to know of a JPEG file, read from its markers: start and end of image, the frame type and
/// size, the quantisation tables and which APPn metadata segments it carries.
/// </summary>
public sealed record Jpeg(bool StartsWithSoi, bool EndsWithEoi, int FrameMarker, int Width, int Height, int Components,
    IReadOnlyList<int> Markers, IReadOnlyDictionary<int, int[]> QuantTables, int Scans)
{
    public const int Sof0Baseline = 0xC0;
    public const int Sof2Progressive = 0xC2;

    /// <summary>The IJG luminance table (JPEG Annex K) in zig-zag order, as libjpeg scales it for a quality.</summary>
    public static int[] LuminanceTable(int quality)
    {
        int[] natural =
        [
            16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
            14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
            49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
        ];
        int[] zigzag =
        [
            0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21,
            28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61,
            54, 47, 55, 62, 63,
        ];
        var scale = quality < 50 ? 5000 / quality : 200 - 2 * quality;
        return zigzag.Select(i => Math.Clamp((natural[i] * scale + 50) / 100, 1, 255)).ToArray();
    }

    public static Jpeg Parse(byte[] bytes)
    {
        var markers = new List<int>();
        var tables = new Dictionary<int, int[]>();
        int frame = 0, width = 0, height = 0, components = 0, scans = 0;
        var soi = bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xD8;
        var eoi = bytes.Length >= 2 && bytes[^2] == 0xFF && bytes[^1] == 0xD9;
        var i = 2;
        while (soi && i + 4 <= bytes.Length)
        {
            if (bytes[i] != 0xFF)
                throw new Xunit.Sdk.XunitException($"No marker at offset {i}.");
            var marker = bytes[i + 1];
            if (marker == 0xD9)
                break;
            markers.Add(marker);
            var length = (bytes[i + 2] << 8) | bytes[i + 3];
            var segment = i + 4;
            if (marker is 0xC0 or 0xC1 or 0xC2)
            {
                frame = marker;
                height = (bytes[segment + 1] << 8) | bytes[segment + 2];
                width = (bytes[segment + 3] << 8) | bytes[segment + 4];
                components = bytes[segment + 5];
            }
            else if (marker == 0xDB)
            {
                for (var t = segment; t < i + 2 + length; t += 65)
                    tables[bytes[t] & 0x0F] = bytes[(t + 1)..(t + 65)].Select(b => (int)b).ToArray();
            }
            i += 2 + length;
            if (marker == 0xDA)
            {
                scans++;
                // Entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart.
                while (i + 1 < bytes.Length && !(bytes[i] == 0xFF && bytes[i + 1] != 0x00 && bytes[i + 1] is < 0xD0 or > 0xD7))
                    i++;
            }
        }
        return new Jpeg(soi, eoi, frame, width, height, components, markers, tables, scans);
    }
}
