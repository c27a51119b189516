using System.Security.Cryptography;
using StampSim.Traces;

namespace StampSim.Tests.Traces;

public class BundledTraceCopyTests
{
    [Fact]
    public void An_edited_copy_in_the_temp_folder_is_detected_and_written_again()
    {
        string path = BundledTrace.Materialize();
        byte[] original = File.ReadAllBytes(path);
        var edited = (byte[])original.Clone();
        edited[^1] ^= 0x01;
        // Swapped in by rename, as an editor saves, so that other tests reading the copy keep the old file.
        string temp = path + ".edited-" + Guid.NewGuid().ToString("N");
        File.WriteAllBytes(temp, edited);
        File.Move(temp, path, overwrite: true);

        Assert.Equal(path, BundledTrace.Materialize());
        Assert.Equal(SHA256.HashData(original), SHA256.HashData(File.ReadAllBytes(path)));
    }
}
