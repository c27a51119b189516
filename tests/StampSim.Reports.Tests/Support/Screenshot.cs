using SkiaSharp;

namespace StampSim.Tests.Support;

/// <summary>What a PNG screenshot shows, in numbers: size, the spread of its luminance and how much of it is not background white.</summary>
/// <param name="Width">Pixels across.</param>
/// <param name="Height">Pixels down.</param>
/// <param name="LuminanceVariance">Variance of the pixels' luminance (0..255 scale); a blank page has 0.</param>
/// <param name="InkFraction">Share of pixels darker than near-white.</param>
/// <param name="Colours">Distinct colours (quantised to 4 bits per channel).</param>
internal sealed record Screenshot(int Width, int Height, double LuminanceVariance, double InkFraction, int Colours)
{
    public static Screenshot Of(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException("the screenshot is not a PNG");
        double sum = 0, sumSquares = 0;
        long ink = 0;
        var colours = new HashSet<int>();
        for (int y = 0; y < bitmap.Height; y++)
            for (int x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                double l = 0.2126 * c.Red + 0.7152 * c.Green + 0.0722 * c.Blue;
                sum += l;
                sumSquares += l * l;
                if (l < 240) ink++;
                colours.Add((c.Red >> 4) << 8 | (c.Green >> 4) << 4 | c.Blue >> 4);
            }
        double n = (double)bitmap.Width * bitmap.Height;
        double mean = sum / n;
        return new Screenshot(bitmap.Width, bitmap.Height, sumSquares / n - mean * mean, ink / n, colours.Count);
    }

    public override string ToString() =>
        $"{Width}x{Height} px, luminance variance {LuminanceVariance:0.0}, {InkFraction:P1} non-white, {Colours} distinct colours";
}
