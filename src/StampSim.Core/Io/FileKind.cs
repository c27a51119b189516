using System.Runtime.InteropServices;

namespace StampSim.Io;

/// <summary>What a path names on disk (symbolic links followed).</summary>
public enum FileKind
{
    /// <summary>Nothing there.</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A device, pipe or socket: never an output, because replacing it could break the system.</summary>
    Special,
}

/// <summary>Tells regular files from devices, pipes and sockets, which .NET's file APIs all call "files".</summary>
public static partial class FileKinds
{
    // S_IFMT bits as normalised by the runtime's own native shim (libSystem.Native), the same on every Unix.
    private const int TypeMask = 0xF000, RegularType = 0x8000, DirectoryType = 0x4000;

    /// <summary>The kind of <paramref name="path"/>, following symbolic links.</summary>
    public static FileKind Of(string path)
    {
        if (Directory.Exists(path)) return FileKind.Directory;
        if (!File.Exists(path)) return FileKind.Missing;
        if (OperatingSystem.IsWindows())
            return File.GetAttributes(path).HasFlag(FileAttributes.Device) ? FileKind.Special : FileKind.Regular;
        // The runtime's FileStatus struct begins with Flags then Mode (int32 each) in every .NET version;
        // the buffer is larger than the struct so its later fields never matter here.
        var status = new byte[512];
        if (Stat(path, status) != 0) return FileKind.Missing;
        int mode = BitConverter.ToInt32(status, 4) & TypeMask;
        return mode switch
        {
            RegularType => FileKind.Regular,
            DirectoryType => FileKind.Directory,
            _ => FileKind.Special,
        };
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, [Out] byte[] status);
}
