namespace StampSim.Io;

/// <summary>
/// Opens a file a command reads. The one place an open failure becomes an input error: a missing file,
/// a directory where a file is expected, no permission, or an I/O error, each named with the path.
/// </summary>
public static class InputFile
{
    /// <summary>Opens <paramref name="path"/> for reading (shared with other readers).</summary>
    /// <exception cref="InputException">The path cannot be read as a file; the message says why.</exception>
    public static FileStream OpenRead(string path, int bufferSize = 4096)
    {
        try { return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw Refused(path, e); }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> from <paramref name="file"/> at <paramref name="offset"/>, in as many
    /// positional reads as it takes (any thread may call it); false when the file ends first.
    /// </summary>
    public static bool ReadExactlyAt(Microsoft.Win32.SafeHandles.SafeFileHandle file, long offset, Span<byte> destination)
    {
        while (destination.Length > 0)
        {
            int read = RandomAccess.Read(file, destination, offset);
            if (read == 0) return false;
            destination = destination[read..];
            offset += read;
        }
        return true;
    }

    /// <summary>Reads a whole file.</summary>
    /// <exception cref="InputException">The path cannot be read as a file; the message says why.</exception>
    public static byte[] ReadAllBytes(string path)
    {
        try { return File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw Refused(path, e); }
    }

    /// <summary>Checks that <paramref name="path"/> is an existing file, for readers that open it themselves (image and tokenizer libraries).</summary>
    /// <exception cref="InputException">Nothing there, or a directory.</exception>
    public static void Require(string path)
    {
        switch (FileKinds.Of(path))
        {
            case FileKind.Missing: throw new InputException($"{path}: file not found");
            case FileKind.Directory: throw new InputException($"{path}: is a directory, not a file");
        }
    }

    // .NET reports opening a directory as "access denied" (UnauthorizedAccessException), so the kind of
    // path is checked before the exception is believed.
    private static InputException Refused(string path, Exception e) => e switch
    {
        _ when FileKinds.Of(path) == FileKind.Directory => new InputException($"{path}: is a directory, not a file", e),
        FileNotFoundException or DirectoryNotFoundException => new InputException($"{path}: file not found", e),
        UnauthorizedAccessException => new InputException($"{path}: permission denied", e),
        _ => new InputException($"{path}: cannot read ({e.Message})", e),
    };
}
