using SkiaSharp;
using StampSim.Models.Io;

namespace StampSim.Models.Vit;

/// <summary>
/// Image preprocessing for ViT: decode with SkiaSharp (PNG, JPEG, WebP, ...), drop alpha, resize
/// to image_size x image_size, scale to [0, 1], normalise <c>(x - mean) / std</c> per channel
/// (mean = std = 0.5 for the bundled model) and lay out as float32 CHW.
/// </summary>
/// <remarks>
/// The resize is Skia's bilinear filter with linear mipmaps (trilinear): when shrinking, it reads
/// from the pre-filtered mipmap level nearest the scale, which approximates the antialiased
/// ("area-aware") bilinear resize of PIL that the reference preprocessing used. It is not pixel-exact.
/// </remarks>
public static class VitImage
{
    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    /// <summary>Loads and preprocesses the image at <paramref name="path"/> for <paramref name="config"/>.</summary>
    public static float[] Load(string path, VitConfig config, float mean = 0.5f, float std = 0.5f)
    {
        if (config.Channels != 3)
            throw new InputException($"{path}: images are read as RGB but the model takes {config.Channels} channels");
        using var decoded = Decode(path);
        int size = config.ImageSize;
        var info = new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var resized = new SKBitmap(info);
        using (var canvas = new SKCanvas(resized))
        using (var image = SKImage.FromBitmap(decoded))
        using (var paint = new SKPaint { BlendMode = SKBlendMode.Src })
        {
            canvas.DrawImage(image, new SKRect(0, 0, size, size), Sampling, paint);
        }
        var rgba = resized.GetPixelSpan();
        var chw = new float[3 * size * size];
        for (int i = 0; i < size * size; i++)
            for (int ch = 0; ch < 3; ch++)
                chw[ch * size * size + i] = (rgba[4 * i + ch] / 255f - mean) / std;
        return chw;
    }

    /// <summary>A raw little-endian float32 CHW tensor (e.g. a reference preprocessed input) for <paramref name="config"/>.</summary>
    public static float[] LoadRawFloat32(string path, VitConfig config)
    {
        using var r = BinaryFileReader.Open(path);
        long expected = 4L * config.Channels * config.ImageSize * config.ImageSize;
        if (r.Length != expected)
            throw new InputException($"{path}: {r.Length} bytes, expected {expected} (float32 {config.Channels}x{config.ImageSize}x{config.ImageSize})");
        var data = new float[expected / 4];
        r.ReadFloat32(data, "pixels");
        return data;
    }

    private static SKBitmap Decode(string path)
    {
        StampSim.Io.InputFile.Require(path);
        using var codec = SKCodec.Create(path) ?? throw new InputException($"{path}: not an image format SkiaSharp can decode");
        // Unpremultiplied RGBA keeps the colour channels as stored, whatever the alpha.
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            throw new InputException($"{path}: cannot decode the image ({result})");
        }
        // Drop alpha the way PIL's convert("RGB") does: keep the colour, make every pixel opaque.
        var rgba = bitmap.GetPixelSpan();
        for (int i = 3; i < rgba.Length; i += 4) rgba[i] = 255;
        return bitmap;
    }
}
