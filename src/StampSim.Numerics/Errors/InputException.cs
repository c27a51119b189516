namespace StampSim;

/// <summary>
/// A problem with user input (a file, a config key, a tensor, a command-line value).
/// The message is one line and names the place: file, line:column, key path or tensor name.
/// The CLI prints it and exits with code 2.
/// </summary>
public sealed class InputException : Exception
{
    /// <summary>Creates an input error whose message names where the problem is.</summary>
    public InputException(string message) : base(message) { }

    /// <summary>Creates an input error wrapping the exception that revealed it.</summary>
    public InputException(string message, Exception inner) : base(message, inner) { }
}
